import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanDirectory } from '../../src/io/listing/scan.js';
import { oldestNewest } from '../../src/io/listing/dir-listing.js';
import { ExactNameReader } from '../../src/io/walk/exact-name-reader.js';
import { createRng } from '../../fixtures/lib/prng.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { bytePath, fillWithLinks, namesHex } from '../helpers/flat-dir.js';
import { describeWith } from '../helpers/capabilities.js';
import { mountTmpfs } from '../helpers/mounts.js';

const T0 = Date.UTC(2024, 5, 1) / 1000;

// A directory of n files with distinct, shuffled mtimes; returns the mtimes (s) by name.
function datedDir(dir: string, n: number, seed = 7): Map<string, number> {
  fs.mkdirSync(dir, { recursive: true });
  const rng = createRng(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const times = new Map<string, number>();
  order.forEach((slot, i) => {
    const name = `F${i.toString(16).toUpperCase().padStart(6, '0')}`;
    const p = path.join(dir, name);
    fs.writeFileSync(p, 'y'.repeat(i % 5));
    fs.utimesSync(p, T0 + slot * 10, T0 + slot * 10);
    times.set(name, T0 + slot * 10);
  });
  return times;
}

describe('scanDirectory: one pass, bounded memory', () => {
  const tmp = makeTempDir('scan');
  afterAll(tmp.cleanup);
  const dir = path.join(tmp.dir, 'maildrop');
  const times = datedDir(dir, 6000);
  const byAge = [...times.entries()].sort((a, b) => a[1] - b[1]).map(([n]) => n);

  it('counts every entry and reports progress along the way', async () => {
    const progress: number[] = [];
    const r = await scanDirectory(dir, { onProgress: (n) => progress.push(n) });
    expect(r.count).toBe(6000);
    expect(r.incomplete).toBeNull();
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(6000);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('finds exactly the K oldest and K newest (same answer as sorting everything)', async () => {
    const r = await scanDirectory(dir, { oldest: 7, newest: 4 });
    expect(r.count).toBe(6000);
    expect(r.oldest.map((e) => e.name)).toEqual(byAge.slice(0, 7));
    expect(r.newest.map((e) => e.name)).toEqual(byAge.slice(-4).reverse());
    expect(r.oldest[0]).toMatchObject({ type: 'file', mtimeMs: times.get(byAge[0])! * 1000 });
    const compat = await oldestNewest(dir, 3);
    expect(compat.count).toBe(6000);
    expect(compat.oldest.map((e) => e.name)).toEqual(byAge.slice(0, 3));
    expect(compat.newest.map((e) => e.name)).toEqual(byAge.slice(-3).reverse());
  });

  it('gives the same answer by bare name from inside the directory, and always comes back', async () => {
    const cwd = process.cwd();
    const relative = path.relative(cwd, dir);
    const seenCwd: string[] = [];
    const fast = await scanDirectory(relative, { oldest: 5, newest: 5, statByName: true, onProgress: () => seenCwd.push(process.cwd()) });
    const slow = await scanDirectory(dir, { oldest: 5, newest: 5 });
    expect(fast).toEqual(slow);
    expect(process.cwd()).toBe(cwd);
    expect(new Set(seenCwd)).toEqual(new Set([cwd]));
  });

  it('stops promptly when aborted and says after how many entries', async () => {
    const ac = new AbortController();
    const r = await scanDirectory(dir, {
      oldest: 1,
      signal: ac.signal,
      onProgress: (n) => {
        if (n >= 1024) ac.abort(new Error('interrupted by Ctrl-C'));
      },
    });
    expect(r.incomplete).toMatchObject({ reason: 'aborted', message: 'stopped after 1024 entries: interrupted by Ctrl-C' });
    expect(r.count).toBe(1024);
  });

  it('fails at once on a missing directory or a file', async () => {
    await expect(scanDirectory(path.join(tmp.dir, 'nope'))).rejects.toThrow(/ENOENT/);
    await expect(scanDirectory(path.join(dir, byAge[0]), { oldest: 1 })).rejects.toThrow(/ENOTDIR/);
  });
});

describe('a directory deleted during a count', () => {
  const tmp = makeTempDir('scan-deleted');
  afterAll(tmp.cleanup);

  for (const dated of [false, true]) {
    it(`says so and keeps what was counted (${dated ? 'with mtimes' : 'count only'})`, async () => {
      const dir = path.join(tmp.dir, `d-${dated}`);
      fillWithLinks(dir, 8000);
      let deletedAt = -1;
      const r = await scanDirectory(dir, {
        oldest: dated ? 2 : 0,
        onProgress: (n) => {
          if (deletedAt < 0) {
            deletedAt = n;
            fs.rmSync(dir, { recursive: true });
          }
        },
      });
      expect(r.incomplete?.reason).toBe('deleted');
      expect(r.incomplete?.message).toBe(`the directory was deleted while it was being read (after ${r.count} entries)`);
      expect(r.incomplete?.read).toEqual({ code: 'deleted-while-read', afterEntries: r.count });
      expect(r.count).toBeGreaterThanOrEqual(deletedAt);
      expect(r.count).toBeLessThan(8000);
    });
  }
});

describe('names that are not UTF-8 in an mtime scan (string fast path, exact bytes when needed)', () => {
  const tmp = makeTempDir('scan-bytes');
  afterAll(tmp.cleanup);
  const dir = path.join(tmp.dir, 'd');
  datedDir(dir, 3000);
  const FF = Buffer.from([0x78, 0xff]);
  const FE = Buffer.from([0x78, 0xfe]);
  const REAL = Buffer.from('x\uFFFD');
  const put = (name: Buffer, body: string, t: number) => {
    fs.writeFileSync(bytePath(dir, name), body);
    fs.utimesSync(bytePath(dir, name), t, t);
  };
  put(FF, 'a', T0 - 300);
  put(FE, 'bb', T0 - 200);
  put(REAL, 'ccc', T0 - 100);

  it.each([false, true])('ranks them by their own mtime and returns their exact bytes (by name: %s)', async (statByName) => {
    const r = await scanDirectory(dir, { oldest: 3, newest: 1, statByName });
    expect(r.count).toBe(3003);
    expect(r.undated).toBe(0);
    const [a, b, c] = r.oldest;
    expect(Buffer.from(a.nameBytes!)).toEqual(FF);
    expect(a).toMatchObject({ name: 'x\uFFFD', size: 1, mtimeMs: (T0 - 300) * 1000 });
    expect(Buffer.from(b.nameBytes!)).toEqual(FE);
    expect(b.size).toBe(2);
    expect(c).toEqual({ name: 'x\uFFFD', type: 'file', size: 3, mtimeMs: (T0 - 100) * 1000 });
  });

  it('reads text until the first such name, then bytes, and sees every entry exactly once', () => {
    const plain = new ExactNameReader(path.join(tmp.dir, 'd'));
    const seen: string[] = [];
    let switchedAt = -1;
    for (let e = plain.read(); e; e = plain.read()) {
      expect(e.exact).toBe(true);
      if (plain.readingBytes && switchedAt < 0) switchedAt = plain.position;
      seen.push((e.bytes ?? Buffer.from(e.name)).toString('hex'));
    }
    plain.close();
    expect(seen.length).toBe(3003);
    expect(new Set(seen)).toEqual(namesHex(dir));
    expect(switchedAt).toBeGreaterThan(0);
  });

  it('never switches to bytes in a directory whose names are all UTF-8', () => {
    const clean = path.join(tmp.dir, 'clean');
    datedDir(clean, 500);
    const r = new ExactNameReader(clean);
    let n = 0;
    while (r.read()) n++;
    expect(n).toBe(500);
    expect(r.readingBytes).toBe(false);
    r.close();
  });
});

describeWith(['mount'], 'exact names when the directory changes between the text and the byte reads', () => {
  const tmp = makeTempDir('scan-shift');
  // tmpfs lists newest first: the order is known, so the test can change what comes before the name.
  const mnt = mountTmpfs(path.join(tmp.dir, 'm'), { size: '64m', nrInodes: 20_000 });
  afterAll(() => {
    mnt.unmount();
    tmp.cleanup();
  });

  it('finds the same name again by its text and its neighbour, not by its position', () => {
    const dir = path.join(mnt.dir, 'd');
    fs.mkdirSync(dir);
    const BAD = Buffer.from([0x62, 0xff, 0x21]);
    fs.writeFileSync(bytePath(dir, BAD), 'exact');
    for (let i = 0; i < 5000; i++) fs.writeFileSync(path.join(dir, `m${i}`), '');
    const reader = new ExactNameReader(dir, { bufferSize: 64 });
    expect(reader.read()?.name).toBe('m4999');
    // Entries listed after the current position but before BAD disappear, new ones appear in front.
    for (let i = 0; i < 300; i++) fs.rmSync(path.join(dir, `m${i}`));
    for (let i = 0; i < 120; i++) fs.writeFileSync(path.join(dir, `new${i}`), '');
    let bad;
    let n = 1;
    for (let e = reader.read(); e; e = reader.read()) {
      n++;
      if (e.bytes) bad = e;
    }
    reader.close();
    expect(bad?.exact).toBe(true);
    expect(Buffer.from(bad!.bytes!)).toEqual(BAD);
    expect(n).toBe(5001 - 300);
  });
});
