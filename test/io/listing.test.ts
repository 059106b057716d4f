import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openListing } from '../../src/io/listing/listing.js';
import type { ListingEntry } from '../../src/core/listing/entry.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { bytePath, fillWithLinks, namesHex } from '../helpers/flat-dir.js';

const hexOf = (e: ListingEntry) => Buffer.from(e.nameBytes ?? Buffer.from(e.name)).toString('hex');
const BAD_FF = Buffer.from([0x62, 0x61, 0x64, 0xff]);
const BAD_FE = Buffer.from([0x62, 0x61, 0x64, 0xfe]);
const LONG = 'L'.repeat(255);

describe('openListing: a pager over a directory', () => {
  const tmp = makeTempDir('listing');
  afterAll(tmp.cleanup);
  const dir = path.join(tmp.dir, 'd');
  fs.mkdirSync(dir);
  const t0 = Date.UTC(2025, 0, 1) / 1000;
  for (let i = 0; i < 2000; i++) {
    const p = path.join(dir, `Q${String(i).padStart(5, '0')}`);
    fs.writeFileSync(p, 'x'.repeat(i % 17));
    fs.utimesSync(p, t0 + i * 60, t0 + i * 60);
  }
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.symlinkSync('/nowhere/at/all', path.join(dir, 'dangling'));
  execFileSync('mkfifo', [path.join(dir, 'pipe')]);
  for (const n of ['new\nline', '\x1b[31mred', LONG, 'bad\uFFFD']) fs.writeFileSync(path.join(dir, n), n);
  fs.writeFileSync(bytePath(dir, BAD_FF), 'ff');
  fs.writeFileSync(bytePath(dir, BAD_FE), 'fe!');
  const total = fs.readdirSync(dir).length;

  it('pages forward through every entry exactly once, never from the start again', async () => {
    const l = openListing(dir);
    const seen: string[] = [];
    let pages = 0;
    for (;;) {
      const before = l.position;
      const page = await l.nextPage(97);
      pages++;
      expect(page.position).toBe(before + page.entries.length);
      seen.push(...page.entries.map(hexOf));
      if (page.done) break;
      expect(page.entries.length).toBe(97);
    }
    expect(l.done).toBe(true);
    expect(seen.length).toBe(total);
    expect(new Set(seen)).toEqual(namesHex(dir));
    expect(pages).toBe(Math.ceil(total / 97));
    expect((await l.nextPage(10)).entries).toEqual([]);
  });

  it('says done on the page that holds the last entry (no extra empty page needed)', async () => {
    const l = openListing(dir);
    const page = await l.nextPage(total);
    expect(page.entries.length).toBe(total);
    expect(page.done).toBe(true);
    const l2 = openListing(dir);
    expect((await l2.nextPage(total - 1)).done).toBe(false);
    l2.close();
  });

  it('gives lstat facts: type from the inode, size and mtime, symlinks not followed', async () => {
    const all = (await openListing(dir).nextPage(total + 5)).entries;
    const by = new Map(all.map((e) => [e.name, e]));
    expect(by.get('Q00016')).toEqual({ name: 'Q00016', type: 'file', size: 16, mtimeMs: (t0 + 16 * 60) * 1000 });
    expect(by.get('sub')).toMatchObject({ type: 'dir' });
    expect(by.get('dangling')).toMatchObject({ type: 'symlink', size: '/nowhere/at/all'.length });
    expect(by.get('pipe')).toMatchObject({ type: 'fifo', size: 0 });
    expect(by.get(LONG)).toMatchObject({ type: 'file', size: 255 });
    expect(by.get('new\nline')).toMatchObject({ size: 8 });
  });

  it('keeps the exact bytes of names that are not UTF-8, even when two look the same as text', async () => {
    const all = (await openListing(dir).nextPage(total)).entries;
    const lossy = all.filter((e) => e.name === 'bad\uFFFD');
    expect(lossy.length).toBe(3);
    const real = lossy.find((e) => !e.nameBytes)!;
    expect(real.size).toBe(Buffer.byteLength('bad\uFFFD'));
    const ff = lossy.find((e) => e.nameBytes && Buffer.from(e.nameBytes).equals(BAD_FF))!;
    const fe = lossy.find((e) => e.nameBytes && Buffer.from(e.nameBytes).equals(BAD_FE))!;
    expect(ff.size).toBe(2);
    expect(fe.size).toBe(3);
  });

  it('iterates page by page as an async iterable', async () => {
    let n = 0;
    for await (const page of openListing(dir)) n += page.length;
    expect(n).toBe(total);
  });

  it('fails at once for a missing directory or a file', () => {
    expect(() => openListing(path.join(tmp.dir, 'missing'))).toThrow(/ENOENT/);
    expect(() => openListing(path.join(dir, 'Q00001'))).toThrow(/ENOTDIR/);
  });

  it('stops when aborted and closes', async () => {
    const ac = new AbortController();
    const l = openListing(dir, { signal: ac.signal });
    await l.nextPage(5);
    ac.abort(new Error('operator left'));
    await expect(l.nextPage(5)).rejects.toThrow('operator left');
    expect(l.done).toBe(true);
  });
});

describe('openListing when the directory changes under it', () => {
  const tmp = makeTempDir('listing-change');
  afterAll(tmp.cleanup);

  it('lists entries deleted after readdir as entries with an error, not as a failure', async () => {
    const dir = path.join(tmp.dir, 'vanishing');
    fs.mkdirSync(dir);
    for (let i = 0; i < 50; i++) fs.writeFileSync(path.join(dir, `m${i}`), '');
    const l = openListing(dir);
    const first = await l.nextPage(1);
    for (const n of fs.readdirSync(dir)) fs.rmSync(path.join(dir, n));
    const rest = await l.nextPage(100);
    expect(first.entries.length + rest.entries.length).toBe(50);
    // the error is lstat's code, worded when shown (entryErrorText): vanished while listing
    expect(rest.entries.every((e) => e.error === 'ENOENT' && e.size === null && e.mtimeMs === null)).toBe(true);
    expect(rest.done).toBe(true);
    expect(rest.incomplete).toBeUndefined();
  });

  it('reports a directory deleted part-way as incomplete, with what it read', async () => {
    const dir = path.join(tmp.dir, 'deleted');
    fillWithLinks(dir, 3000);
    const l = openListing(dir);
    await l.nextPage(10);
    fs.rmSync(dir, { recursive: true });
    const page = await l.nextPage(5000);
    expect(page.done).toBe(true);
    expect(page.incomplete).toEqual({ code: 'deleted-while-read', afterEntries: page.position });
    expect(page.entries.length).toBeLessThan(2990);
    expect(page.position).toBe(10 + page.entries.length);
  });
});
