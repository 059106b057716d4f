import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { memoryIo } from '../helpers/memory-io.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('spoolrescue hotspots progress and Ctrl-C (in-process)', () => {
  const tmp = makeTempDir('hotspots-progress', '/var/tmp');
  afterAll(tmp.cleanup);
  for (let d = 0; d < 40; d++) {
    const dir = path.join(tmp.dir, `d${d}`);
    fs.mkdirSync(dir);
    for (let f = 0; f < 1000; f++) fs.writeFileSync(path.join(dir, `f${f}`), '');
  }

  it('draws a progress line on stderr when it is a terminal, and clears it before the report', async () => {
    const m = memoryIo({ tty: true });
    const code = await runCli(['hotspots', tmp.dir, '--json', '--workers', '1'], { io: m.io });
    expect(code).toBe(0);
    expect(JSON.parse(m.stdout()).totalEntries).toBe(40 * 1000 + 40 + 1);
    expect(m.stderr()).toMatch(/^\rscanning: [\d,]+ entries, [\d,]+\/s /);
    expect(m.stderr().endsWith('\r')).toBe(true);
    expect(m.stdout()).not.toContain('scanning:');
  });

  it('keeps stderr silent when it is not a terminal', async () => {
    const m = memoryIo({ tty: false });
    expect(await runCli(['hotspots', tmp.dir, '--workers', '1'], { io: m.io })).toBe(0);
    expect(m.stderr()).toBe('');
    expect(m.stdout()).toMatch(/40,041\s+entries/);
  });

  it('stops on Ctrl-C with one line and exit 1', async () => {
    const m = memoryIo({ tty: false });
    const ac = new AbortController();
    const run = runCli(['hotspots', tmp.dir, '--json'], { io: m.io, signal: ac.signal });
    ac.abort(new Error('interrupted by Ctrl-C'));
    expect(await run).toBe(1);
    expect(m.stderr()).toBe('spoolrescue hotspots: interrupted; nothing was changed\n');
    expect(JSON.parse(m.stdout())).toEqual({ schemaVersion: 1, error: { message: 'spoolrescue hotspots: interrupted; nothing was changed', exitCode: 1, hint: null } });
    expect(process.cwd()).not.toBe(fs.realpathSync(tmp.dir));
  });
});
