import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { makeQueueDirs } from '../../fixtures/lib/queue-tree.js';
import { describeWith } from '../helpers/capabilities.js';
import { mountExt4Image, mountTmpfs, type TestMount } from '../helpers/mounts.js';
import { makeFlatTree } from '../helpers/purge-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const owners = { mailOwnerUid: 0, setgidGid: 0, rootGid: 0, submitterUid: 0 };

// Fills dir with empty files until the filesystem has no inode left; returns how many were made.
function exhaustInodes(dir: string): number {
  let n = 0;
  try {
    for (;;) fs.writeFileSync(path.join(dir, `Q${n++}`), '');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  }
  return n - 1;
}

describeWith(['root', 'mount'], 'purge on real mounts: full filesystems, mount points, mounts inside DIR', () => {
  const tmp = makeTempDir('purge-mounts');
  const mounts: TestMount[] = [];
  afterAll(() => {
    for (const m of mounts.reverse()) m.unmount();
    tmp.cleanup();
  });
  const server = (name: string, mount?: (queue: string) => TestMount) => {
    const root = path.join(tmp.dir, name);
    const queue = path.join(root, 'var/spool/postfix');
    fs.mkdirSync(queue, { recursive: true });
    if (mount) mounts.push(mount(queue));
    makeQueueDirs(queue, owners, 0o1730);
    return { root, q: (p: string) => path.join(queue, p) };
  };

  it('works in place on a tmpfs with no inode left (swap impossible), keeping the inode and mode', () => {
    const { root, q } = server('tmpfs-full', (queue) => mountTmpfs(queue, { size: '16m', nrInodes: 400 }));
    const made = exhaustInodes(q('maildrop'));
    expect(fs.statfsSync(q('maildrop')).ffree).toBe(0);
    const before = fs.lstatSync(q('maildrop'));
    const r = runCli(['purge', '--root', root, '/var/spool/postfix/maildrop', '--yes', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = r.json();
    expect(j.plan.strategy).toBe('in-place');
    expect(j.plan.reasons).toContain('no free inode for a new directory (swap needs one)');
    expect(j.result.entriesRemoved).toBe(made);
    const after = fs.lstatSync(q('maildrop'));
    expect([after.ino, after.mode & 0o7777]).toEqual([before.ino, 0o1730]);
    expect(fs.readdirSync(q('maildrop'))).toEqual([]);
  });

  it('works in place on an ext4 made with few inodes (mkfs.ext4 -N)', () => {
    const { root, q } = server('ext4-full', (queue) => mountExt4Image(queue, { sizeMB: 32, inodes: 256, image: path.join(tmp.dir, 'few.ext4') }));
    const made = exhaustInodes(q('bounce'));
    const r = runCli(['purge', '--root', root, '/var/spool/postfix/bounce', '--yes', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json().plan.strategy).toBe('in-place');
    expect(r.json().result.entriesRemoved).toBe(made);
    expect(fs.readdirSync(q('bounce'))).toEqual([]);
  });

  it('works in place when DIR itself is a mount point', () => {
    const { root, q } = server('dir-mounted');
    mounts.push(mountTmpfs(q('maildrop'), { size: '4m' }));
    fs.chmodSync(q('maildrop'), 0o1730);
    makeFlatTree(q('maildrop'), 40);
    const r = runCli(['purge', '--root', root, '/var/spool/postfix/maildrop', '--yes', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json().plan.reasons.join()).toMatch(/DIR is a mount point/);
    expect(r.json().result.entriesRemoved).toBe(40);
    expect(fs.lstatSync(q('maildrop')).mode & 0o7777).toBe(0o1730);
  });

  it('never crosses into a tmpfs mounted inside DIR: the rest goes, the mount stays, exit 1 says why', () => {
    const { root, q } = server('mount-inside');
    makeFlatTree(q('maildrop'), 30);
    mounts.push(mountTmpfs(q('maildrop/mnt'), { size: '1m' }));
    fs.writeFileSync(q('maildrop/mnt/on-tmpfs'), 'stay');
    const r = runCli(['purge', '--root', root, '/var/spool/postfix/maildrop', '--yes', '--json']);
    expect(r.status).toBe(1);
    const j = r.json();
    expect(j.plan.strategy).toBe('in-place');
    expect(j.plan.reasons.join()).toMatch(/a filesystem or bind mount is mounted inside DIR \(.*maildrop\/mnt\)/);
    expect(j.result).toMatchObject({ entriesRemoved: 30, skipped: 1 });
    expect(j.result.problems[0]).toMatchObject({ name: 'mnt', message: 'a mount point (another filesystem or a bind mount); not entered, left as it is' });
    expect(j.failures.join()).toMatch(/1 directory was not entered \(left as it is\)/);
    expect(j.verification).toMatchObject({ snapshotHeld: true, empty: false, entriesLeft: 1 });
    expect(fs.readFileSync(q('maildrop/mnt/on-tmpfs'), 'utf8')).toBe('stay');
  });
});
