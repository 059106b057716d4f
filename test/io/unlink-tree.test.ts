import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countTree } from '../../src/io/purge/count.js';
import { unlinkTree } from '../../src/io/walk/unlink-tree.js';
import { describeWith } from '../helpers/capabilities.js';
import { mountTmpfs, remount } from '../helpers/mounts.js';
import { makeFlatTree, makeHostileTree } from '../helpers/purge-tree.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { problemWords } from '../../src/core/purge/result.js';
import { walkStopWords } from '../../src/core/purge/walk-stop.js';

const id = (p: string) => {
  const st = fs.lstatSync(p);
  return { dev: st.dev, ino: st.ino };
};

describe('unlinkTree and countTree on a hostile tree', () => {
  const tmp = makeTempDir('unlink');
  afterAll(tmp.cleanup);

  it('counts exactly what it then removes, and never follows a symlink', async () => {
    const dir = path.join(tmp.dir, 'q1');
    const made = makeHostileTree(dir);
    const c = await countTree(dir, id(dir), { withBytes: true });
    expect(c.entries).toBe(made.entries);
    expect(c.bytes).toBeGreaterThan(0);
    const removed: string[] = [];
    const r = await unlinkTree(dir, id(dir), { concurrency: 4, onRemoved: (rel) => removed.push(rel.toString('latin1')) });
    expect(r).toMatchObject({ removed: made.entries, errors: 0, skipped: 0, aborted: false });
    expect(r.bytes).toBe(c.bytes);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(fs.readFileSync(path.join(made.outsideTarget, 'precious'), 'utf8')).toBe('keep me');
    expect(removed).toContain('line\nbreak');
    expect(removed).toContain(Buffer.from(made.rawName).toString('latin1'));
    expect(removed).toContain('A/deeper/F2');
    expect(removed.indexOf('A/deeper/F2')).toBeLessThan(removed.indexOf('A/deeper'));
    expect(removed.indexOf('A/deeper')).toBeLessThan(removed.indexOf('A'));
  });

  it('removes the top directory too when asked (a set-aside copy)', async () => {
    const dir = path.join(tmp.dir, 'q2');
    makeHostileTree(dir, 5);
    const r = await unlinkTree(dir, id(dir), { removeTop: true });
    expect(r.topRemoved).toBe(true);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('refuses a directory that is not the snapshotted inode, and a symlink', async () => {
    const dir = path.join(tmp.dir, 'q3');
    makeFlatTree(dir, 3);
    const r = await unlinkTree(dir, { ...id(dir), ino: id(dir).ino + 1 });
    expect(r.removed).toBe(0);
    expect(r.problems[0]).toMatchObject({ skip: { code: 'changed' } });
    expect(problemWords({ ...r.problems[0], where: dir }, 'en')).toMatch(/not the directory that was checked/);
    fs.symlinkSync(dir, path.join(tmp.dir, 'q3-link'));
    const viaLink = await unlinkTree(path.join(tmp.dir, 'q3-link'), id(dir));
    expect(viaLink.problems[0]).toMatchObject({ skip: { code: 'symlink-or-not-dir' } });
    expect(fs.readdirSync(dir)).toHaveLength(3);
  });

  it('does not follow a subdirectory swapped for a symlink just before it is entered', async () => {
    const dir = path.join(tmp.dir, 'q4');
    const made = makeHostileTree(dir, 3);
    let swapped = '';
    const r = await unlinkTree(dir, id(dir), {
      hooks: {
        beforeOpenDir: (p) => {
          if (swapped || !p.endsWith('/A')) return;
          swapped = p;
          fs.renameSync(path.join(dir, 'A'), path.join(tmp.dir, 'A-moved'));
          fs.symlinkSync(made.outsideTarget, path.join(dir, 'A'));
        },
      },
    });
    expect(swapped).not.toBe('');
    expect(r.skipped).toBe(1);
    expect(r.problems.map((p) => problemWords({ ...p, where: dir }, 'en')).join()).toMatch(/symlink or not a directory \(not followed\)/);
    expect(fs.readFileSync(path.join(made.outsideTarget, 'precious'), 'utf8')).toBe('keep me');
    expect(fs.lstatSync(path.join(dir, 'A')).isSymbolicLink()).toBe(true);
  });

  it('stops promptly on abort and a second run finishes the job', async () => {
    const dir = path.join(tmp.dir, 'q5');
    makeFlatTree(dir, 5000);
    const ac = new AbortController();
    const r = await unlinkTree(dir, id(dir), {
      signal: ac.signal,
      onRemoved: () => {
        if (!ac.signal.aborted) ac.abort(new Error('test abort'));
      },
    });
    expect(r.aborted).toBe(true);
    expect(r.removed).toBeGreaterThan(0);
    const left = fs.readdirSync(dir).length;
    expect(left).toBeGreaterThan(0);
    expect(left + r.removed).toBe(5000);
    const again = await unlinkTree(dir, id(dir));
    expect(again.removed).toBe(left);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('reports progress with running totals', async () => {
    const dir = path.join(tmp.dir, 'q6');
    makeFlatTree(dir, 3000);
    const seen: number[] = [];
    await unlinkTree(dir, id(dir), { onProgress: (s) => seen.push(s.removed) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(3000);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});

describeWith(['root', 'mount'], 'unlinkTree never crosses into another filesystem', () => {
  const tmp = makeTempDir('unlink-mnt');
  const dir = path.join(tmp.dir, 'maildrop');
  makeFlatTree(dir, 20);
  const mnt = mountTmpfs(path.join(dir, 'mounted'), { size: '1m' });
  fs.writeFileSync(path.join(mnt.dir, 'on-tmpfs'), 'stay');
  afterAll(() => {
    mnt.unmount();
    tmp.cleanup();
  });

  it('leaves the mount and its files alone and says so', async () => {
    const c = await countTree(dir, id(dir));
    expect(c.entries).toBe(20);
    expect(c.skipped[0].reason).toEqual({ code: 'mount-point' });
    const r = await unlinkTree(dir, id(dir));
    expect(r.removed).toBe(20);
    expect(r.skipped).toBe(1);
    expect(r.problems[0]).toMatchObject({ name: Buffer.from('mounted'), skip: { code: 'mount-point' } });
    expect(problemWords({ ...r.problems[0], where: '' }, 'en')).toMatch(/a mount point \(another filesystem or a bind mount\); not entered/);
    expect(fs.readFileSync(path.join(mnt.dir, 'on-tmpfs'), 'utf8')).toBe('stay');
  });
});

describeWith(['root', 'mount'], 'unlinkTree on a filesystem that went read-only', () => {
  const tmp = makeTempDir('unlink-ro');
  const mnt = mountTmpfs(path.join(tmp.dir, 'spool'), { size: '1m' });
  const dir = path.join(mnt.dir, 'maildrop');
  makeFlatTree(dir, 10);
  remount(mnt.dir, true);
  afterAll(() => {
    mnt.unmount();
    tmp.cleanup();
  });

  it('gives up after so many failures in a row and says why as a fact', async () => {
    const r = await unlinkTree(dir, id(dir), { maxConsecutiveErrors: 3, concurrency: 1 });
    expect(r.stoppedBecause).toMatchObject({ code: 'failed-in-a-row', count: 3 });
    expect(walkStopWords(r.stoppedBecause!, 'en')).toMatch(/^3 removals failed in a row, the last: EROFS/);
    expect(walkStopWords(r.stoppedBecause!, 'ja')).toMatch(/^3 件の削除が続けて失敗しました。最後: EROFS/);
    expect(fs.readdirSync(dir)).toHaveLength(10);
  });
});
