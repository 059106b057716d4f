import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { memoryIo } from '../helpers/memory-io.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// On a terminal, truncate asks for the spool's name; anything else (or nothing) cancels.
describe('truncate confirmation on a terminal', () => {
  const tmp = makeTempDir('confirm');
  afterAll(tmp.cleanup);
  const spool = path.join(tmp.dir, 'root');
  fs.writeFileSync(spool, 'From a  Mon Jan  5 10:00:00 2026\nSubject: a\n\nhi\n\n');

  const run = async (answer: string) => {
    const m = memoryIo({ tty: true, cwd: tmp.dir, env: { PATH: process.env.PATH } });
    const p = runCli(['truncate', spool, '--no-evidence'], { io: m.io });
    await new Promise((r) => setTimeout(r, 50));
    m.stdin.write(answer);
    return { code: await p, err: m.stderr(), out: m.stdout() };
  };

  it('cancels on a wrong answer (default No) and changes nothing', async () => {
    const r = await run('yes\n');
    expect(r.err).toContain("Type the spool's name (root) to truncate it");
    expect(r.code).toBe(3);
    expect(r.err).toContain('not confirmed; nothing was changed');
    expect(fs.statSync(spool).size).toBeGreaterThan(0);
  });

  it('truncates when the name is typed', async () => {
    const r = await run('root\n');
    expect(r.code, r.err).toBe(0);
    expect(fs.statSync(spool).size).toBe(0);
  });
});
