import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { makeQueueDirs } from '../../fixtures/lib/queue-tree.js';
import { describeWith, itWith } from '../helpers/capabilities.js';
import { spawnCliInPty } from '../helpers/pty-cli.js';
import { makeFlatTree } from '../helpers/purge-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const FILES = 60_000;
// A progress line between 1% and 89%: some entries removed, many left.
const MIDWAY = /deleting: [\d,]+ \/ [\d,]+ \((?:[1-9]|[1-8]\d)%\)/;

describeWith(['root'], 'purge interrupted half-way (Ctrl-C, kill -9) and rerun', () => {
  const tmp = makeTempDir('purge-interrupt');
  afterAll(tmp.cleanup);
  const server = (name: string) => {
    const root = path.join(tmp.dir, name);
    const queue = path.join(root, 'var/spool/postfix');
    makeQueueDirs(queue, { mailOwnerUid: 0, setgidGid: 0, rootGid: 0, submitterUid: 0 }, 0o1730);
    return { root, q: (p: string) => path.join(queue, p), queue };
  };
  const leftovers = (queue: string) => fs.readdirSync(queue).filter((n) => n.includes('spoolrescue'));

  it('Ctrl-C in place stops cleanly: DIR keeps its inode and mode; the rerun finishes', async () => {
    const { root, q } = server('sigint');
    makeFlatTree(q('maildrop'), FILES, 64);
    const before = fs.lstatSync(q('maildrop'));
    const cli = spawnCliInPty(['purge', '--root', root, '/var/spool/postfix/maildrop', '--yes', '--in-place']);
    const pid = await cli.cliPid();
    await cli.waitFor(MIDWAY);
    process.kill(pid, 'SIGINT');
    expect(await cli.exited()).toBe(1);
    expect(cli.output()).toMatch(/interrupted, stopping cleanly/);
    expect(cli.output()).toMatch(/Stopped: \/var\/spool\/postfix\/maildrop \(in-place\)/);
    expect(cli.output()).toMatch(/rerun the same command to finish/);
    const left = fs.readdirSync(q('maildrop')).length;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(FILES);
    const mid = fs.lstatSync(q('maildrop'));
    expect([mid.ino, mid.mode & 0o7777]).toEqual([before.ino, 0o1730]);
    const again = runCli(['purge', '--root', root, '/var/spool/postfix/maildrop', '--yes', '--in-place', '--json']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.json().result.entriesRemoved).toBe(left);
    expect(fs.readdirSync(q('maildrop'))).toEqual([]);
  });

  itWith(['xattr', 'chattr'], 'kill -9 while the set-aside copy is deleted: DIR is already back; the rerun finds and finishes the copy', async () => {
    const { root, q, queue } = server('kill9');
    makeFlatTree(q('maildrop'), FILES, 64);
    const cli = spawnCliInPty(['purge', '--root', root, '/var/spool/postfix/maildrop', '--yes']);
    const pid = await cli.cliPid();
    await cli.waitFor(MIDWAY);
    process.kill(pid, 'SIGKILL');
    await cli.exited();
    expect(fs.readdirSync(q('maildrop'))).toEqual([]);
    expect(fs.lstatSync(q('maildrop')).mode & 0o7777).toBe(0o1730);
    const [aside] = leftovers(queue);
    expect(aside).toMatch(/^\.maildrop\.spoolrescue-purge-\d{8}T\d{6}Z-\d+$/);
    const left = fs.readdirSync(path.join(queue, aside)).length;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(FILES);
    fs.writeFileSync(q('maildrop/NEWMAIL'), 'arrived after the swap');
    const plan = runCli(['purge', '--root', root, '/var/spool/postfix/maildrop', '--dry-run']);
    // plans wrap at 80 columns through a pipe: read the words, not the line breaks
    expect(plan.stdout.replace(/\s+/g, ' ')).toContain(`leftover: ${aside}: set aside by an interrupted purge; deleted too`);
    const again = runCli(['purge', '--root', root, '/var/spool/postfix/maildrop', '--yes', '--json']);
    expect(again.status, again.stderr).toBe(0);
    const j = again.json();
    expect(j.result.entriesRemoved).toBe(left + 1);
    expect(j.result.setAside.map((a: { path: string; removed: boolean }) => [path.basename(a.path), a.removed])).toContainEqual([aside, true]);
    expect(leftovers(queue)).toEqual([]);
    expect(fs.readdirSync(q('maildrop'))).toEqual([]);
  });

  it('a DIR left missing between the two renames is recreated from the set-aside copy', () => {
    const { root, q, queue } = server('missing');
    makeFlatTree(q('bounce'), 20);
    fs.chmodSync(q('bounce'), 0o710);
    fs.renameSync(q('bounce'), path.join(queue, '.bounce.spoolrescue-purge-20260101T000000Z-1'));
    fs.mkdirSync(path.join(queue, '.bounce.spoolrescue-new-20260101T000000Z-1'), 0o700);
    const r = runCli(['purge', '--root', root, '/var/spool/postfix/bounce', '--yes', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = r.json();
    expect(j.plan).toMatchObject({ exists: false, snapshot: { mode: '0710' } });
    expect(j.result.entriesRemoved).toBe(20);
    expect(fs.lstatSync(q('bounce')).mode & 0o7777).toBe(0o710);
    expect(fs.readdirSync(q('bounce'))).toEqual([]);
    expect(leftovers(queue)).toEqual([]);
  });
});
