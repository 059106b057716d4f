import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan, type ScanProgress } from '../../src/io/hotspots/scan.js';
import { describeWith } from '../helpers/capabilities.js';
import { duTotals } from '../helpers/du.js';
import { mountTmpfs } from '../helpers/mounts.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const write = (p: string, bytes: number) => {
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, Buffer.alloc(bytes, 0x61));
};

// A small mail server's worth of awkward things: many small files in one directory, nested
// directories, a sparse file, a file with three hard links, symlinks (to a directory outside,
// to a file, dangling), a fifo, an empty directory, and names that are not UTF-8 or hold a newline.
function buildTree(root: string): { invalidDir: Buffer } {
  for (let i = 0; i < 1500; i++) write(path.join(root, 'spool/postfix/maildrop', `A${i.toString(16).toUpperCase().padStart(9, '0')}`), 300 + (i % 7) * 400);
  write(path.join(root, 'spool/mail/root'), 16 << 20);
  for (let d = 0; d < 30; d++) for (let f = 0; f < 20; f++) write(path.join(root, 'home', `u${d}`, 'mail', `m${f}`), 1000 * (f + 1));
  const sparse = path.join(root, 'var/lib/sparse.img');
  fs.mkdirSync(path.dirname(sparse), { recursive: true });
  const fd = fs.openSync(sparse, 'w');
  fs.ftruncateSync(fd, 64 << 20);
  fs.writeSync(fd, Buffer.alloc(8192, 1), 0, 8192, 10 << 20);
  fs.closeSync(fd);
  write(path.join(root, 'links/a/h1'), 200_000);
  fs.mkdirSync(path.join(root, 'links/b'), { recursive: true });
  fs.linkSync(path.join(root, 'links/a/h1'), path.join(root, 'links/b/h2'));
  fs.linkSync(path.join(root, 'links/a/h1'), path.join(root, 'links/h3'));
  fs.symlinkSync('/etc', path.join(root, 'links/to-etc'));
  fs.symlinkSync('a/h1', path.join(root, 'links/to-file'));
  fs.symlinkSync('nowhere', path.join(root, 'links/dangling'));
  spawnSync('mkfifo', [path.join(root, 'links/fifo')]);
  fs.mkdirSync(path.join(root, 'empty'));
  write(path.join(root, 'odd', 'new\nline'), 5000);
  const odd = Buffer.from(path.join(root, 'odd') + '/');
  fs.writeFileSync(Buffer.concat([odd, Buffer.from([0x62, 0xff, 0x66])]), Buffer.alloc(9000, 1));
  const invalidDir = Buffer.concat([odd, Buffer.from([0x64, 0xfe, 0x72])]);
  fs.mkdirSync(invalidDir);
  for (let i = 0; i < 5; i++) fs.writeFileSync(Buffer.concat([invalidDir, Buffer.from(`/f${i}`)]), Buffer.alloc(7000, 1));
  fs.writeFileSync(Buffer.concat([invalidDir, Buffer.from([0x2f, 0xc3, 0x28])]), Buffer.alloc(70_000, 1));
  return { invalidDir };
}

describe('hotspot scan on a generated tree', () => {
  const tmp = makeTempDir('hotspots');
  afterAll(tmp.cleanup);
  const root = path.join(tmp.dir, 'server');
  const { invalidDir } = buildTree(root);
  const du = duTotals(root);

  it.each([
    [1, false],
    [2, false],
    [4, false],
    [2, true],
  ])('counts bytes and inodes exactly like du -sx with %i worker(s), chdir %s', async (workers, chdir) => {
    const cwd = process.cwd();
    const { report } = await scan(root, { workers, chdir });
    expect(process.cwd()).toBe(cwd);
    expect(report.totalBytes).toBe(du.bytes);
    expect(report.totalEntries).toBe(du.inodes);
    expect(report.errors).toEqual([]);
    expect(report.errorCount).toBe(0);
    expect(report.root).toBe(fs.realpathSync(root));
  });

  it('ranks by what sits directly inside: the flooded maildrop first by entries, not its parents', async () => {
    const { report } = await scan(root, { top: 3 });
    expect(report.byEntries[0]).toMatchObject({ path: path.join(root, 'spool/postfix/maildrop'), entries: 1500 });
    expect(report.byEntries).toHaveLength(3);
    const maildrop = report.byEntries[0];
    expect(maildrop.subtreeEntries).toBe(1501);
    expect(maildrop.subtreeBytes).toBe(duTotals(path.join(root, 'spool/postfix/maildrop')).bytes);
    expect(report.byEntries.map((r) => r.path)).not.toContain(path.join(root, 'spool'));
  });

  it('ranks by bytes of the files directly inside and lists the largest files, sparse ones by allocation', async () => {
    const { report } = await scan(root, { top: 5 });
    expect(report.byBytes[0].path).toBe(path.join(root, 'spool/mail'));
    expect(report.byBytes[0].bytes).toBe(fs.statSync(path.join(root, 'spool/mail/root')).blocks * 512);
    expect(report.largestFiles[0]).toEqual({ path: path.join(root, 'spool/mail/root'), bytes: 16 << 20, size: 16 << 20 });
    const sparse = report.largestFiles.find((f) => f.path.endsWith('sparse.img'));
    if (sparse) expect(sparse.bytes).toBeLessThan(sparse.size);
    const st = fs.statSync(path.join(root, 'var/lib/sparse.img'));
    expect(st.blocks * 512).toBeLessThan(64 << 10);
  });

  it('counts a file with three hard links once, at one of its names', async () => {
    const { report, index } = await scan(root, { top: 20 });
    const linked = report.largestFiles.filter((f) => /\/(h1|h2|h3)$/.test(f.path));
    expect(linked).toHaveLength(1);
    expect(linked[0].bytes).toBe(fs.statSync(path.join(root, 'links/a/h1')).blocks * 512);
    const links = index.get(index.find(path.join(root, 'links'))!);
    expect(links.subtreeBytes).toBe(duTotals(path.join(root, 'links')).bytes);
    expect(links.subtreeEntries).toBe(duTotals(path.join(root, 'links')).inodes);
  });

  it.each([false, true])('reads names that are not UTF-8 as bytes instead of reporting bogus errors (chdir %s)', async (chdir) => {
    const { report, index } = await scan(root, { top: 50, chdir });
    expect(report.errors).toEqual([]);
    const dirs = index.children(index.find(path.join(root, 'odd'))!);
    const bad = dirs.find((d) => typeof d.name !== 'string');
    expect(bad).toBeDefined();
    expect(Buffer.from(bad!.path as Uint8Array).equals(invalidDir)).toBe(true);
    expect(bad!.entries).toBe(6);
    const row = report.byBytes.find((r) => r.pathBase64 && Buffer.from(r.pathBase64, 'base64').equals(invalidDir));
    expect(row).toBeDefined();
    expect(row!.path).toContain('\uFFFD');
    const file = report.largestFiles.find((f) => f.pathBase64 && Buffer.from(f.pathBase64, 'base64').equals(Buffer.concat([invalidDir, Buffer.from([0x2f, 0xc3, 0x28])])));
    expect(file?.bytes).toBe(fs.statSync(Buffer.concat([invalidDir, Buffer.from([0x2f, 0xc3, 0x28])])).blocks * 512);
  });

  it('keeps an index whose drill-down gives every child its subtree totals without a rescan', async () => {
    const { index } = await scan(root);
    const children = index.children(0);
    expect(children.map((c) => c.name).sort()).toEqual(['empty', 'home', 'links', 'odd', 'spool', 'var']);
    expect(children[0].subtreeBytes).toBeGreaterThanOrEqual(children[children.length - 1].subtreeBytes);
    for (const c of children) {
      const d = duTotals(c.path as string);
      expect({ name: c.name, bytes: c.subtreeBytes, inodes: c.subtreeEntries }).toEqual({ name: c.name, bytes: d.bytes, inodes: d.inodes });
    }
    const home = index.find(path.join(root, 'home'))!;
    expect(index.children(home)).toHaveLength(30);
    expect(index.get(home)).toMatchObject({ entries: 30, bytes: 0 });
  });

  it('reports progress (entries, rate, current path) and leaves the event loop free', async () => {
    const seen: ScanProgress[] = [];
    let turns = 0;
    let done = false;
    const spin = async () => {
      while (!done) {
        turns++;
        await new Promise((r) => setImmediate(r));
      }
    };
    const spinning = spin();
    const { report } = await scan(root, { progressIntervalMs: 0, onProgress: (p) => seen.push(p), workers: 2, chdir: true });
    done = true;
    await spinning;
    expect(turns).toBeGreaterThan(5);
    expect(seen.length).toBeGreaterThan(2);
    for (let i = 1; i < seen.length; i++) expect(seen[i].entries).toBeGreaterThanOrEqual(seen[i - 1].entries);
    const last = seen[seen.length - 1];
    expect(last.entries).toBe(report.totalEntries);
    expect(last.bytes).toBe(report.totalBytes);
    expect(last.rate).toBeGreaterThan(0);
    expect(seen.every((p) => p.currentPath.startsWith(root))).toBe(true);
  });

  it('starts a second worker only when directories wait for one in a big tree, and counts the same either way', async () => {
    const small = path.join(tmp.dir, 'small-tree');
    for (let d = 0; d < 64; d++) write(path.join(small, `d${d}`, 'f'), 1000);
    const one = await scan(small, { workers: 4 });
    expect(one.workersStarted).toBe(1);
    expect({ bytes: one.report.totalBytes, inodes: one.report.totalEntries }).toEqual({ bytes: duTotals(small).bytes, inodes: duTotals(small).inodes });
    const wide = path.join(tmp.dir, 'wide-tree');
    for (let d = 0; d < 64; d++) for (let f = 0; f < 250; f++) write(path.join(wide, `d${d}`, `f${f}`), 100);
    // threads only: with the scan process beside them, it takes the small directories instead
    const more = await scan(wide, { workers: 2, scanProcess: 'off' });
    expect(more.workersStarted).toBe(2);
    expect({ bytes: more.report.totalBytes, inodes: more.report.totalEntries }).toEqual({ bytes: duTotals(wide).bytes, inodes: duTotals(wide).inodes });
  });

  it('stops when aborted and rejects with the reason', async () => {
    const ac = new AbortController();
    const reason = new Error('operator pressed Ctrl-C');
    let dispatched = 0;
    const p = scan(root, {
      signal: ac.signal,
      beforeDispatch: () => {
        if (++dispatched === 2) ac.abort(reason);
      },
    });
    await expect(p).rejects.toBe(reason);
    await expect(scan(root, { signal: ac.signal })).rejects.toBe(reason);
  });

  it('survives a directory removed mid-scan and says so', async () => {
    const victim = path.join(tmp.dir, 'victim-tree');
    fs.cpSync(path.join(root, 'home'), victim, { recursive: true });
    const gone = path.join(victim, 'u7');
    const goneSelf = fs.statSync(gone).blocks * 512;
    const { report } = await scan(victim, {
      chdir: true,
      beforeDispatch: (paths) => {
        if (paths.includes(gone)) fs.rmSync(gone, { recursive: true });
      },
    });
    expect(report.errors).toEqual([{ path: gone, message: 'vanished during the scan (ENOENT)' }]);
    const after = duTotals(victim);
    // The directory's own inode was counted while its parent was listed; its contents never were.
    expect(report.totalEntries).toBe(after.inodes + 1);
    expect(report.totalBytes).toBe(after.bytes + goneSelf);
  });

  it('refuses a symlink, a file and a missing path with one clear line', async () => {
    await expect(scan(path.join(root, 'links/to-etc'))).rejects.toThrow(/is a symlink \(to \/etc\); not followed/);
    await expect(scan(path.join(root, 'spool/mail/root'))).rejects.toThrow(/is not a directory/);
    await expect(scan(path.join(root, 'nope'))).rejects.toThrow(/no such directory/);
  });
});

describe('hotspot scan of one huge directory', () => {
  const tmp = makeTempDir('hotspots-huge', '/var/tmp');
  afterAll(tmp.cleanup);
  const dir = path.join(tmp.dir, 'maildrop');
  fs.mkdirSync(dir);
  for (let i = 0; i < 20_000; i++) fs.writeFileSync(path.join(dir, `Q${i}`), i % 10 === 0 ? Buffer.alloc(9000) : '');
  fs.mkdirSync(path.join(dir, 'zsub'));
  fs.writeFileSync(path.join(dir, 'zsub', 'big'), Buffer.alloc(300_000));
  fs.writeFileSync(Buffer.from(path.join(dir, 'bad\xff'), 'latin1'), Buffer.alloc(100));
  fs.writeFileSync(path.join(dir, 'Q1'), Buffer.alloc(200_000));
  fs.linkSync(path.join(dir, 'Q1'), path.join(dir, 'Q1-link'));

  it.each([1, 2, 3])('shares its names between %i worker(s) and still counts exactly like du', async (workers) => {
    const du = duTotals(dir);
    const { report, index } = await scan(dir, { workers, chdir: workers === 2 });
    expect([report.totalBytes, report.totalEntries]).toEqual([du.bytes, du.inodes]);
    expect(index.get(0).entries).toBe(20_002); // 20,000 + zsub + the non-UTF-8 name; Q1 and Q1-link are one inode
    expect(report.byEntries[0]).toMatchObject({ path: fs.realpathSync(dir), entries: 20_002 });
    expect(report.largestFiles.map((f) => path.basename(f.path)).slice(0, 2)).toEqual(['big', expect.stringMatching(/^Q1(-link)?$/)]);
    expect(report.errors).toEqual([]);
  });
});

describeWith(['mount'], 'hotspot scan with another filesystem mounted inside', () => {
  const tmp = makeTempDir('hotspots-mnt');
  const root = path.join(tmp.dir, 'tree');
  write(path.join(root, 'a/file'), 50_000);
  const mnt = mountTmpfs(path.join(root, 'a/mounted'), { size: '4m' });
  write(path.join(mnt.dir, 'inside/big'), 1 << 20);
  afterAll(() => {
    mnt.unmount();
    tmp.cleanup();
  });

  it.each([false, true])('neither enters nor counts it, like du -sx, and lists it as not entered (chdir %s)', async (chdir) => {
    const du = duTotals(root);
    const { report, index } = await scan(root, { chdir });
    expect(report.totalBytes).toBe(du.bytes);
    expect(report.totalEntries).toBe(du.inodes);
    expect(report.skippedMounts).toEqual([mnt.dir]);
    expect(report.largestFiles.map((f) => f.path)).toEqual([path.join(root, 'a/file')]);
    expect(index.children(index.find(path.join(root, 'a'))!)).toEqual([]);
  });

  it('scans the mounted filesystem itself when started there', async () => {
    const { report } = await scan(mnt.dir);
    expect(report).toMatchObject({ fstype: 'tmpfs', mount: mnt.dir, device: 'tmpfs', skippedMounts: [] });
    expect(report.totalBytes).toBe(duTotals(mnt.dir).bytes);
    expect(report.largestFiles[0]).toMatchObject({ path: path.join(mnt.dir, 'inside/big'), bytes: 1 << 20 });
  });
});
