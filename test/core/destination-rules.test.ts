import { describe, expect, it } from 'vitest';
import { destinationProblem, fullFlag, judgeDestination, rankCandidates, type FsFacts } from '../../src/core/incident/destination-rules.js';

const MB = 1024 * 1024;
const fs = (o: Partial<FsFacts> & { usedPct?: number }): FsFacts => {
  const size = o.sizeBytes ?? 10_000 * MB;
  const used = Math.round((size * (o.usedPct ?? 10)) / 100);
  return { mount: '/x', fstype: 'ext4', readOnly: false, sizeBytes: size, freeBytes: size - used, availBytes: size - used, inodes: 1000, inodesFree: 900, ...o };
};

describe('destination rules', () => {
  it.each([
    ['healthy', fs({}), null],
    ['98% used', fs({ usedPct: 98 }), /98% full/],
    ['97% used but 300 MB free', fs({ usedPct: 97 }), null],
    ['9 MB available', fs({ sizeBytes: 100 * MB, usedPct: 91 }), /only 9.0 MB available/],
    ['read-only', fs({ readOnly: true }), /read-only/],
    ['no inodes', fs({ inodesFree: 0 }), /inodes/],
    ['no inode limit (btrfs)', fs({ inodes: 0, inodesFree: 0 }), null],
  ])('%s', (_n, f, want) => {
    const p = destinationProblem(f);
    if (want === null) expect(p).toBeNull();
    else expect(p).toMatch(want);
  });

  it('flags the captured filesystem full at 90% of bytes or inodes, or read-only', () => {
    expect(fullFlag(fs({ usedPct: 89 }))).toBeNull();
    expect(fullFlag(fs({ usedPct: 90 }))).toMatch(/90% of bytes/);
    expect(fullFlag(fs({ inodesFree: 50 }))).toMatch(/95% of inodes/);
    expect(fullFlag(fs({ readOnly: true }))).toBe('read-only');
  });

  it('refuses the troubled filesystem itself unless forced, but allows it when healthy', () => {
    const troubled = fs({ usedPct: 95, mount: '/var' });
    expect(judgeDestination({ dest: troubled, source: troubled, sameFilesystem: true, force: false })).toMatchObject({ ok: false, reason: expect.stringMatching(/filesystem being rescued/) });
    expect(judgeDestination({ dest: troubled, source: troubled, sameFilesystem: true, force: true })).toMatchObject({ ok: true, warnings: [expect.stringMatching(/--force-destination/)] });
    expect(judgeDestination({ dest: fs({}), source: troubled, sameFilesystem: false, force: false })).toEqual({ ok: true, warnings: [] });
    expect(judgeDestination({ dest: fs({}), source: fs({}), sameFilesystem: true, force: false })).toEqual({ ok: true, warnings: [] });
  });

  it('offers tmpfs first, never the troubled, full, read-only or pseudo filesystems', () => {
    const list = [
      { ...fs({ mount: '/' }), sameAsSource: true, writable: true },
      { ...fs({ mount: '/home', availBytes: 50_000 * MB }), sameAsSource: false, writable: true },
      { ...fs({ mount: '/dev/shm', fstype: 'tmpfs' }), sameAsSource: false, writable: true },
      { ...fs({ mount: '/run', fstype: 'tmpfs' }), sameAsSource: false, writable: true },
      { ...fs({ mount: '/boot', usedPct: 99 }), sameAsSource: false, writable: true },
      { ...fs({ mount: '/proc', fstype: 'proc' }), sameAsSource: false, writable: true },
      { ...fs({ mount: '/mnt/cd', readOnly: true }), sameAsSource: false, writable: true },
    ];
    expect(rankCandidates(list, 'incident.md').map((c) => c.suggestion)).toEqual(['/dev/shm/incident.md', '/run/incident.md', '/home/incident.md']);
  });
});
