import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { countTree } from '../../src/io/purge/count.js';
import { openChildDir, openDirNoFollow } from '../../src/io/walk/safe-walk.js';
import { unlinkTree } from '../../src/io/walk/unlink-tree.js';
import { bindMount } from '../helpers/bind-mount.js';
import { describeWith } from '../helpers/capabilities.js';
import { mountTmpfs, type TestMount } from '../helpers/mounts.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const id = (p: string) => {
  const st = fs.lstatSync(p);
  return { dev: st.dev, ino: st.ino };
};

// Files outside DIR that a walk reaching through a bind mount would delete.
function outsideTree(dir: string): string[] {
  fs.mkdirSync(path.join(dir, 'nested'), { recursive: true });
  const files = [path.join(dir, 'precious'), path.join(dir, 'nested', 'deep-precious')];
  for (const f of files) fs.writeFileSync(f, 'keep me');
  return files;
}

describeWith(['root', 'mount'], 'the purge walk never enters a mount point, bind mounts of the same filesystem included', () => {
  const tmp = makeTempDir('walk-mounts');
  const mounts: TestMount[] = [];
  afterAll(() => {
    for (const m of mounts.reverse()) m.unmount();
    tmp.cleanup();
  });

  // DIR with ordinary files and bind mounts (same filesystem, same st_dev) at several depths and
  // with awkward names, a bind-mounted file, and a tmpfs two levels down.
  const dir = path.join(tmp.dir, 'deferred');
  const outside = path.join(tmp.dir, 'elsewhere');
  const precious = outsideTree(outside);
  const preciousFile = path.join(tmp.dir, 'passwd-like');
  fs.writeFileSync(preciousFile, 'root:x:0:0');
  for (let i = 0; i < 10; i++) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `Q${i}`), 'queued');
  }
  fs.mkdirSync(path.join(dir, 'A/B'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'A/B/F'), 'f');
  fs.mkdirSync(path.join(dir, 'sub'));
  const points = ['mnt', 'A/B/deep', 'sub/back\\slash', 'sp ace\nnewline', 'file-bind', 'A/tmpfs'];
  mounts.push(bindMount(outside, path.join(dir, 'mnt')));
  mounts.push(bindMount(outside, path.join(dir, 'A/B/deep')));
  mounts.push(bindMount(path.join(outside, 'nested'), path.join(dir, 'sub/back\\slash')));
  mounts.push(bindMount(outside, path.join(dir, 'sp ace\nnewline')));
  mounts.push(bindMount(preciousFile, path.join(dir, 'file-bind')));
  const t = mountTmpfs(path.join(dir, 'A/tmpfs'), { size: '1m' });
  mounts.push(t);
  fs.writeFileSync(path.join(t.dir, 'on-tmpfs'), 'stay');
  // 10 Q files, A, A/B, A/B/F, sub: the mount points themselves are neither counted nor removed.
  const countable = 14;

  it('counts only what is DIR\'s own and names every mount point it leaves alone', async () => {
    const c = await countTree(dir, id(dir));
    expect(c.entries).toBe(countable);
    expect(c.skipped.map((s) => s.name.toString()).sort()).toEqual([...points].sort());
    for (const s of c.skipped) expect(s.reason).toEqual({ code: 'mount-point' });
  });

  it('deletes DIR\'s own files and not one file outside DIR', async () => {
    const removed: string[] = [];
    const r = await unlinkTree(dir, id(dir), { onRemoved: (rel) => removed.push(rel.toString()) });
    expect(r.skipped).toBe(points.length);
    expect(removed.sort()).toEqual([...Array.from({ length: 10 }, (_, i) => `Q${i}`), 'A/B/F'].sort());
    for (const f of precious) expect(fs.readFileSync(f, 'utf8')).toBe('keep me');
    expect(fs.readFileSync(preciousFile, 'utf8')).toBe('root:x:0:0');
    expect(fs.readFileSync(path.join(t.dir, 'on-tmpfs'), 'utf8')).toBe('stay');
    expect(fs.readdirSync(path.join(dir, 'mnt')).sort()).toEqual(['nested', 'precious']);
  });

  it('refuses a bind mount by its mount ID even when the path check is bypassed (a mount made mid-walk)', () => {
    const parent = openDirNoFollow(path.join(dir, 'A/B'));
    if (!('fd' in parent)) throw new Error(parent.reason.code);
    try {
      const child = openChildDir(parent, Buffer.from('deep'), parent.dev);
      expect(child).toEqual({ reason: { code: 'mount-point' } });
    } finally {
      parent.close();
    }
  });
});
