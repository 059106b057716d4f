import { describe, expect, it } from 'vitest';
import { direntModel, estimateEntries } from '../../../src/core/suspects/dirent-size.js';
import { rankSuspects, type SuspectFacts } from '../../../src/core/suspects/rank.js';

describe('entries of a directory from its own size', () => {
  it.each([
    // [st_size, fstype, entries]: ext4 and xfs leave out the first block, tmpfs is exact.
    [4096, 'ext4', 0],
    [5_779_456, 'ext4', 199_150], // measured: 200,000 names made 5.78 MB,
    [28 << 20, 'ext4', 1_012_277],
    [40, 'tmpfs', 0],
    [40 + 20 * 5000, 'tmpfs', 5000],
    [22 * 1000, 'btrfs', 1000],
    [4096 + 32 * 1000, 'xfs', 1000],
    [4096 + 29 * 1000, 'zfs', 1000],
  ])('st_size %i on %s holds about %i entries', (size, fstype, entries) => {
    expect(estimateEntries(size, fstype)).toBe(entries);
  });

  it('says when the figure is only the most the directory ever held', () => {
    expect(direntModel('ext4').neverShrinks).toBe(true);
    expect(direntModel('tmpfs').neverShrinks).toBe(false);
    expect(direntModel('zfs').how).toContain('zfs not modelled');
  });
});

describe('ranking the suspects', () => {
  const where = { devId: '8:1', mount: '/', fstype: 'ext4' };
  const fact = (hostPath: string, isDir: boolean, size: number, allocatedBytes: number, partSizes?: number[]): SuspectFacts => ({
    candidate: { hostPath, kind: isDir ? 'queue' : 'mailbox', name: { word: 'queue', of: hostPath.split('/').pop()! }, label: hostPath.split('/').pop()!, parts: partSizes?.map((_, i) => `${hostPath}/${i}`) },
    isDir,
    size,
    partSizes,
    allocatedBytes,
    ...where,
  });

  it('orders directories by entries (a block each at least) against files by bytes, and drops small ones', () => {
    const ranked = rankSuspects(
      [
        fact('/r/var/mail/root', false, 3e9, 3e9),
        fact('/r/q/maildrop', true, 29e6, 29e6), // ~1M entries: at least 4 GB of files
        fact('/r/q/hold', true, 4096 + 29 * 500, 20480), // 500 entries: not a suspect
        fact('/r/var/mail/bob', false, 5e6, 5e6), // 5 MB: not a suspect
        fact('/r/q/deferred', true, 4096, 4096, [4096 + 29 * 2000, 4096 + 29 * 1000]),
      ],
      (p) => p.slice(2),
      (n) => `${n}B`,
    );
    expect(ranked.map((s) => [s.path, s.estimatedEntries])).toEqual([
      ['/q/maildrop', 999_859],
      ['/var/mail/root', null],
      ['/q/deferred', 3000],
    ]);
    expect(ranked[2].reason).toContain('with its 2 hashed subdirectories');
    expect(ranked[0].reason).toContain('holds or once held about 999,859 entries');
  });
});
