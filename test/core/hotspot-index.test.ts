import { describe, expect, it } from 'vitest';
import { baseName, HotspotIndex, joinPath } from '../../src/core/hotspots/index.js';
import { buildHotspotReport, rankDirectories, tagReport } from '../../src/core/hotspots/rank.js';

// /srv (4096) with var/ (4096) holding spool/ (4096, 3 files, 12288 bytes) and log/ (4096, 1 file of 1 MB)
function sample(): HotspotIndex {
  const ix = new HotspotIndex('/srv', 4096);
  const v = ix.add(0, 'var', 4096);
  ix.addDirect(0, 0, 1);
  const spool = ix.add(v, 'spool', 4096);
  const log = ix.add(v, 'log', 4096);
  ix.addDirect(v, 0, 2);
  ix.addDirect(spool, 12288, 3);
  ix.addDirect(log, 1 << 20, 1);
  ix.finish();
  return ix;
}

describe('hotspot index', () => {
  it('sums subtrees like du: bytes of dirs and files, inodes with every directory once', () => {
    const ix = sample();
    expect(ix.totalBytes).toBe(4 * 4096 + 12288 + (1 << 20));
    expect(ix.totalEntries).toBe(1 + 1 + 2 + 3 + 1);
    expect(ix.get(1)).toMatchObject({ path: '/srv/var', entries: 2, bytes: 0, subtreeEntries: 7, subtreeBytes: 3 * 4096 + 12288 + (1 << 20) });
    expect(ix.get(2)).toMatchObject({ path: '/srv/var/spool', entries: 3, bytes: 12288, subtreeEntries: 4, subtreeBytes: 16384 });
  });

  it('lists children biggest subtree first, by bytes or by entries', () => {
    const ix = sample();
    expect(ix.children(1).map((c) => c.name)).toEqual(['log', 'spool']);
    expect(ix.children(1, 'entries').map((c) => c.name)).toEqual(['spool', 'log']);
    expect(ix.children(2)).toEqual([]);
  });

  it('finds a directory by path and keeps up when more is added after a read', () => {
    const ix = sample();
    expect(ix.find('/srv/var/log')).toBe(3);
    expect(ix.find('/srv/var/nope')).toBeUndefined();
    expect(ix.find('/elsewhere')).toBeUndefined();
    expect(ix.find('/srv')).toBe(0);
    ix.addDirect(3, 4096, 1);
    expect(ix.get(3).subtreeBytes).toBe(4096 + (1 << 20) + 4096);
  });

  it('grows past its first capacity', () => {
    const ix = new HotspotIndex('/', 0);
    for (let i = 1; i < 5000; i++) {
      ix.add(i - 1, `d${i}`, 4096);
      ix.addDirect(i - 1, 0, 1);
    }
    ix.addDirect(4999, 10, 1);
    expect(ix.size).toBe(5000);
    expect(ix.totalEntries).toBe(5001);
    expect(ix.get(3).path).toBe('/d1/d2/d3');
  });

  it('keeps names that are not UTF-8 as bytes in paths', () => {
    const bad = Buffer.from([0x64, 0xff]);
    const ix = new HotspotIndex('/r', 0);
    const id = ix.add(0, bad, 0);
    const sub = ix.add(id, 'x', 0);
    expect(Buffer.from(ix.path(sub) as Uint8Array).equals(Buffer.concat([Buffer.from('/r/'), bad, Buffer.from('/x')]))).toBe(true);
    expect(joinPath('/', 'a')).toBe('/a');
    expect(Buffer.from(joinPath('/', bad) as Uint8Array).equals(Buffer.concat([Buffer.from('/'), bad]))).toBe(true);
    expect(baseName('/a/b')).toBe('b');
    expect(Buffer.from(baseName(Buffer.from('/a/\xff', 'latin1')) as Uint8Array)).toEqual(Buffer.from([0xff]));
  });
});

describe('hotspot rankings and report', () => {
  const facts = {
    device: '/dev/vda1',
    fstype: 'ext4',
    mount: '/',
    largest: [
      { path: '/srv/var/log/big', bytes: 1 << 20, size: 1 << 20 },
      { path: Buffer.from('/srv/\xff', 'latin1'), bytes: 4096, size: 10 },
    ],
    skipped: ['/srv/mnt'],
    errors: [{ path: '/srv/locked', message: 'cannot read directory: permission denied (EACCES)' }],
    errorCount: 1,
    elapsedMs: 12.4,
  };

  it('ranks by direct bytes and direct entries, leaving out empty directories', () => {
    const ix = sample();
    expect(rankDirectories(ix, 'bytes', 10)).toEqual([3, 2]);
    expect(rankDirectories(ix, 'entries', 2)).toEqual([2, 1]);
  });

  it('keeps the first found among equal directories and lists them by path, the top ones only', () => {
    // 300 directories with the same direct bytes, found in the reverse of their paths' order
    const ix = new HotspotIndex('/t', 4096);
    const names = Array.from({ length: 300 }, (_, i) => `d${String(299 - i).padStart(3, '0')}`);
    for (const name of names) ix.addDirect(ix.add(0, name, 4096), 8192, 2);
    const big = ix.add(0, 'zz', 4096);
    ix.addDirect(big, 1 << 20, 1);
    expect(rankDirectories(ix, 'bytes', 4).map((id) => ix.get(id).name)).toEqual(['zz', 'd297', 'd298', 'd299']);
    expect(rankDirectories(ix, 'entries', 2).map((id) => ix.get(id).name)).toEqual(['d298', 'd299']);
    expect(rankDirectories(ix, 'bytes', 0)).toEqual([]);
  });

  it('builds the JSON shape of hotspots --json', () => {
    const r = buildHotspotReport(sample(), facts, { top: 1, tag: (p) => (p.endsWith('/spool') ? { kind: 'mail-spool', label: 'mail spool' } : undefined) });
    expect(r).toEqual({
      root: '/srv',
      device: '/dev/vda1',
      fstype: 'ext4',
      mount: '/',
      totalBytes: 4 * 4096 + 12288 + (1 << 20),
      totalEntries: 8,
      directories: 4,
      byBytes: [{ path: '/srv/var/log', bytes: 1 << 20, entries: 1, subtreeBytes: 4096 + (1 << 20), subtreeEntries: 2 }],
      byEntries: [{ path: '/srv/var/spool', bytes: 12288, entries: 3, subtreeBytes: 16384, subtreeEntries: 4, mail: { kind: 'mail-spool', label: 'mail spool' } }],
      largestFiles: [{ path: '/srv/var/log/big', bytes: 1 << 20, size: 1 << 20 }],
      skippedMounts: ['/srv/mnt'],
      errors: [{ path: '/srv/locked', message: 'cannot read directory: permission denied (EACCES)' }],
      errorCount: 1,
      elapsedMs: 12,
    });
  });

  it('gives exact bytes of a non-UTF-8 path in base64 and tags rows afterwards', () => {
    const r = buildHotspotReport(sample(), facts, { top: 5 });
    expect(r.largestFiles[1]).toEqual({ path: '/srv/\uFFFD', pathBase64: Buffer.from('/srv/\xff', 'latin1').toString('base64'), bytes: 4096, size: 10 });
    const tagged = tagReport(r, (p) => (p.includes('/log') ? { kind: 'mail-log', label: 'mail log' } : undefined));
    expect(tagged.byBytes[0].mail).toEqual({ kind: 'mail-log', label: 'mail log' });
    expect(tagged.largestFiles[0].mail?.kind).toBe('mail-log');
    expect(tagged.byEntries[0].mail).toBeUndefined();
    expect(r.byBytes[0].mail).toBeUndefined();
  });
});
