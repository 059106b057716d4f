import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeWith } from '../helpers/capabilities.js';
import { BUNDLE } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Ctrl-C while --ids-from waits on a pipe that sends nothing more: it stops at once, says that
// nothing was changed, and the listed file is still there.
describeWith(['root'], 'queue --ids-from interrupted while reading the list', () => {
  const tmp = makeTempDir('queue-ids-abort');
  afterAll(() => tmp.cleanup());

  it('stops on SIGINT, exit 3, nothing removed', async () => {
    const deferred = path.join(tmp.dir, 'var/spool/postfix/deferred');
    fs.mkdirSync(deferred, { recursive: true });
    const id = 'ABCDEF0123';
    fs.writeFileSync(path.join(deferred, id), 'queue file');
    const child = spawn(process.execPath, [BUNDLE, '--root', tmp.dir, 'queue', 'deferred', '--ids-from', '-', '--delete', '--yes'], { env: { ...process.env, NO_COLOR: '1' } });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    // 1 MiB of blank lines after the ID: the write completes once the command has read most of it
    // (a pipe holds 64 KiB), so it is in its read loop; the list stays open, Ctrl-C comes while it waits
    await new Promise((r) => child.stdin.write(`${id}\n${'\n'.repeat(1 << 20)}`, r));
    await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    child.stdin.destroy();
    expect(code, err).toBe(3);
    expect(err).toContain('stopped while reading the ID list; nothing was changed');
    expect(fs.readFileSync(path.join(deferred, id), 'utf8')).toBe('queue file');
  }, 60_000);
});
