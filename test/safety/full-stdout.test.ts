import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLE } from '../helpers/run-cli.js';

// `spoolrescue df --json > report.json` on the full disk being rescued: the output cannot be
// written (ENOSPC). That must not pass for success with an empty file: say so, exit 1. A reader
// that went away (EPIPE, `| head`) stays quiet (closed-stdout.test.ts).
describe('stdout on a full disk', () => {
  const full = () => fs.openSync('/dev/full', 'w');

  for (const args of [['df', '--json'], ['--version']]) {
    it(`${args.join(' ')} > /dev/full: says the output is incomplete, exit 1`, () => {
      const fd = full();
      const r = spawnSync(process.execPath, [BUNDLE, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' } });
      fs.closeSync(fd);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toContain('the output could not be written (ENOSPC)');
      expect(r.stderr).not.toMatch(/at .*\.[cm]?js/);
    });
  }

  it('says it in Japanese on a Japanese run', () => {
    const fd = full();
    const r = spawnSync(process.execPath, [BUNDLE, 'df', '--json'], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', env: { ...process.env, LC_ALL: 'ja_JP.UTF-8', LANG: 'ja_JP.UTF-8' } });
    fs.closeSync(fd);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain('出力を書き込めませんでした（ENOSPC）');
  });
});
