import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { buildTree } from '../helpers/prevent-tree.js';
import { memoryIo } from '../helpers/memory-io.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// On a terminal, prevent --apply shows the diff, then asks for the word apply; anything else
// (or nothing) cancels with nothing changed.
describe('prevent confirmation on a terminal', () => {
  const tmp = makeTempDir('prevent-confirm');
  afterAll(tmp.cleanup);
  const root = path.join(tmp.dir, 'rhel');
  buildTree(root, 'rhel');
  const crond = path.join(root, 'etc/sysconfig/crond');

  const run = async (answer: string) => {
    const m = memoryIo({ tty: true, cwd: tmp.dir, env: { PATH: process.env.PATH } });
    const p = runCli(['prevent', '--root', root, '--apply', 'crond-mail-on'], { io: m.io });
    m.stdin.write(answer);
    return { code: await p, err: m.stderr(), out: m.stdout() };
  };

  it('cancels on any other answer and changes nothing', async () => {
    const r = await run('yes\n');
    expect(r.out).toContain('+CRONDARGS="-m off"');
    expect(r.err).toContain("Type 'apply' to make these changes; anything else cancels:");
    expect(r.code).toBe(3);
    expect(r.err).toContain('not confirmed; nothing was changed');
    expect(fs.readFileSync(crond, 'utf8')).toContain('\nCRONDARGS=\n');
  });

  it('applies when apply is typed', async () => {
    const r = await run('apply\n');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('crond-mail-on: fixed (gone when read again)');
    expect(fs.readFileSync(crond, 'utf8')).toContain('\nCRONDARGS="-m off"\n');
  });
});
