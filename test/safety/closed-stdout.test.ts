import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeWith } from '../helpers/capabilities.js';
import { BUNDLE } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// `spoolrescue purge ... --yes | head -1`: the reader goes away while the purge runs. The purge
// must finish (or the capture be written), quietly, with the exit code the work earned.

describeWith(['root'], 'a closed stdout never aborts a step', () => {
  const tmp = makeTempDir('epipe');
  afterAll(tmp.cleanup);
  // Runs the real CLI with stdout into a real pipe whose reader exits early; returns the CLI's status.
  const piped = (args: string[], reader: string) => {
    const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const r = spawnSync('bash', ['-c', `'${process.execPath}' '${BUNDLE}' ${quoted} 2>'${tmp.dir}/err' | ${reader}; echo "cli=\${PIPESTATUS[0]}"`], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
    const status = Number(/cli=(\d+)/.exec(r.stdout)?.[1]);
    return { status, shown: r.stdout, stderr: fs.readFileSync(path.join(tmp.dir, 'err'), 'utf8') };
  };
  const flood = (name: string, n: number) => {
    const d = path.join(tmp.dir, name);
    fs.mkdirSync(d);
    for (let i = 0; i < n; i++) fs.writeFileSync(path.join(d, `F${i.toString(16).toUpperCase().padStart(8, '0')}`), 'x');
    return d;
  };

  for (const reader of ['head -1', 'true']) {
    it(`purge --yes | ${reader}: the directory is emptied, exit 0, no crash`, () => {
      const d = flood(`q-${reader.replace(/\W/g, '')}`, 3000);
      const r = piped(['purge', d, '--any-directory', '--yes'], reader);
      expect(r.stderr).not.toMatch(/EPIPE|unexpected error|at .*\.[cm]js/);
      expect(r.status, r.stderr).toBe(0);
      expect(fs.readdirSync(d)).toEqual([]);
    });

    it(`capture | ${reader}: the evidence is written, exit 0, no crash`, () => {
      const spool = path.join(tmp.dir, `mbox-${reader.replace(/\W/g, '')}`);
      fs.writeFileSync(spool, Array.from({ length: 50 }, (_, i) => `From a${i}@x  Mon Jan  5 10:00:00 2026\nSubject: ${i}\n\nbody\n\n`).join(''));
      const inc = `${spool}.incident.md`;
      const r = piped(['capture', spool, '--incident', inc, '--messages', '20'], reader);
      expect(r.stderr).not.toMatch(/EPIPE|unexpected error|at .*\.[cm]js/);
      expect(r.status, r.stderr).toBe(0);
      expect(fs.readFileSync(inc, 'utf8')).toContain('spoolrescue-seal');
    });
  }

  it('a failing step still exits with its own code when stdout is closed', () => {
    const r = piped(['capture', path.join(tmp.dir, 'missing'), '--incident', path.join(tmp.dir, 'i.md')], 'true');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no such file or directory');
  });
});
