import { describe, expect, it } from 'vitest';
import { formatDfReport } from '../../src/core/disks/format.js';
import { buildDfReport, selectFilesystems, type StatfsResult } from '../../src/core/disks/model.js';
import { parseMountinfo } from '../../src/core/disks/mountinfo.js';
import { shortBytes } from '../../src/core/text/units.js';

const MOUNTS = parseMountinfo(
  [
    '22 1 254:0 / / rw,relatime - ext4 /dev/vda1 rw,errors=remount-ro',
    '23 22 0:21 / /proc rw - proc proc rw',
    '24 22 0:22 / /sys rw - sysfs sysfs rw',
    '25 24 0:28 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw',
    '26 22 0:27 / /dev/shm rw - tmpfs tmpfs rw',
    '27 22 254:0 /etc/hosts /etc/hosts rw - ext4 /dev/vda1 rw',
    '28 22 7:0 / /var/spool/postfix rw - ext4 /dev/loop0 rw',
    '29 22 7:1 / /srv/archive ro - xfs /dev/loop1 ro',
    '30 22 0:50 / /mnt/nfs rw - nfs4 server:/export rw',
    '31 22 0:51 / /mnt/empty rw - tmpfs none rw',
  ].join('\n'),
);

const ok = (bsize: number, blocks: number, bfree: number, bavail: number, files: number, ffree: number): StatfsResult => ({ ok: true, stats: { bsize, blocks, bfree, bavail, files, ffree } });

const STATFS = new Map<number, StatfsResult>([
  [22, ok(4096, 1_000_000, 60_000, 10_000, 65536, 30000)],
  [26, ok(4096, 1000, 1000, 1000, 5000, 4999)],
  [28, ok(4096, 10_000, 8000, 7500, 1000, 0)],
  [29, ok(4096, 10_000, 5000, 5000, 0, 0)],
  [30, { ok: false, timedOut: true, problem: { code: 'timed-out', ms: 3000 } }],
  [31, ok(4096, 0, 0, 0, 0, 0)],
]);

const report = () =>
  buildDfReport({
    mounts: MOUNTS,
    statfs: STATFS,
    deletedOpen: [
      { pid: 812, command: 'rsyslogd', fd: 7, path: '/var/log/maillog', sizeBytes: 50_000_000, allocatedBytes: 50_003_968, devId: '254:0' },
      { pid: 900, command: 'backup', fd: 3, path: '/mnt/nfs/x', sizeBytes: null, allocatedBytes: null, devId: null, mountId: 30, note: 'filesystem not responding: size not read' },
    ],
    deletedOpenBytesByDevId: new Map([['254:0', 50_003_968]]),
    deletedOpenCount: 2,
    skippedProcesses: 1,
    formatBytes: shortBytes,
  });

describe('df model', () => {
  it('keeps real filesystems once each (no proc/sysfs/cgroup, no bind mount of a file)', () => {
    expect(selectFilesystems(MOUNTS).map((m) => m.mountPoint)).toEqual(['/', '/dev/shm', '/var/spool/postfix', '/srv/archive', '/mnt/nfs', '/mnt/empty']);
  });

  it('computes sizes, reserve and Use% like df (rounded up, over space usable by non-root)', () => {
    const root = report().filesystems[0];
    expect(root).toMatchObject({
      mount: '/',
      device: '/dev/vda1',
      fstype: 'ext4',
      sizeBytes: 1_000_000 * 4096,
      usedBytes: 940_000 * 4096,
      availBytes: 10_000 * 4096,
      reservedBytes: 50_000 * 4096,
      inodes: 65536,
      inodesUsed: 35536,
      inodesFree: 30000,
      usePercent: Math.ceil((940_000 * 100) / 950_000),
      inodeUsePercent: Math.ceil((35536 * 100) / 65536),
      readOnly: false,
      deletedOpenBytes: 50_003_968,
    });
  });

  it('flags full bytes, full inodes, read-only and silent filesystems with reasons in words', () => {
    const fss = report().filesystems;
    const flags = Object.fromEntries(fss.map((f) => [f.mount, f.flags]));
    expect(flags['/'].map((f) => f.code)).toEqual(['bytes-full', 'deleted-open']);
    expect(flags['/'][0].reason).toBe('bytes 99% used, 40M left for ordinary users');
    expect(flags['/var/spool/postfix']).toEqual([{ code: 'inodes-full', inodeUsePercent: 100, inodesFree: 0, reason: 'inodes 100% used: no new file can be created, even with bytes free' }]);
    expect(flags['/srv/archive']).toEqual([{ code: 'read-only', remountRo: false, reason: 'mounted read-only: nothing can be written here' }]);
    expect(flags['/mnt/nfs'][0]).toMatchObject({ code: 'not-responding' });
    expect(flags['/mnt/nfs'][0].reason).toMatch(/^not responding: no answer from statfs within 3000 ms/);
    expect(flags['/dev/shm']).toEqual([]);
    expect(fss.find((f) => f.mount === '/mnt/nfs')).toMatchObject({ sizeBytes: null, usePercent: null, inodes: null });
    expect(fss.find((f) => f.mount === '/mnt/empty')).toBeUndefined();
    expect(fss.find((f) => f.mount === '/srv/archive')?.inodeUsePercent).toBeNull();
  });

  it('says when only root can still write, and why a read-only root may have become so', () => {
    const m = parseMountinfo('22 1 254:0 / / ro,relatime - ext4 /dev/vda1 ro,errors=remount-ro');
    const r = buildDfReport({ mounts: m, statfs: new Map([[22, ok(4096, 1000, 50, 0, 100, 50)]]), deletedOpen: [], deletedOpenBytesByDevId: new Map(), deletedOpenCount: 0, skippedProcesses: 0, formatBytes: shortBytes });
    expect(r.filesystems[0].flags.map((f) => f.reason)).toEqual([
      'bytes full for ordinary users (only root may still write into the 200K reserve)',
      'mounted read-only: nothing can be written here (errors=remount-ro: the kernel may have remounted it after I/O errors; see dmesg)',
    ]);
  });

  it('attributes deleted-open files to filesystems by device, or by mount id when not stat-able', () => {
    const r = report();
    expect(r.deletedOpen).toEqual([
      { pid: 812, command: 'rsyslogd', fd: 7, path: '/var/log/maillog', sizeBytes: 50_000_000, allocatedBytes: 50_003_968, mount: '/' },
      { pid: 900, command: 'backup', fd: 3, path: '/mnt/nfs/x', sizeBytes: null, allocatedBytes: null, mount: '/mnt/nfs', note: 'filesystem not responding: size not read' },
    ]);
    expect(r.deletedOpenCount).toBe(2);
  });

  it('prints a table that fits 80 columns, with the reasons and the deleted-open holders', () => {
    const text = formatDfReport(report(), 80);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    // figures as every screen writes them; IFree is what matters when inodes run out (0 here)
    expect(text.split('\n')[0]).toMatch(/^ {2}Mounted on +Type +Size +Avail +Use% +Rsvd +IFree +IUse%$/);
    expect(text).toMatch(/^! \/var\/spool\/postfix +ext4 +39 MiB +29\.2 MiB +22% +1\.9 MiB +0 +100%$/m);
    expect(text).toMatch(/^[ !] \/ +ext4 +3\.8 GiB +39 MiB +99% +195 MiB +30,000 +55%$/m);
    expect(text).toContain('! /mnt/nfs (server:/export): not responding');
    expect(text).toMatch(/^ +812 rsyslogd +7 +47\.6 MiB \/var\/log\/maillog$/m);
    expect(text).toContain('(1 process could not be examined');
    expect(text).toContain('\n    : > /proc/PID/fd/FD\n');
    expect(text).toMatch(/^! \/mnt\/nfs +nfs4 +- +- +- +- +- +-$/m);
  });

  it('adds the Used column where the terminal leaves the mount point room for it', () => {
    const wide = formatDfReport(report(), 120);
    for (const line of wide.split('\n')) expect(line.length).toBeLessThanOrEqual(120);
    expect(wide.split('\n')[0]).toMatch(/^ {2}Mounted on +Type +Size +Used +Avail +Use% +Rsvd +IFree +IUse%$/);
    expect(wide).toMatch(/^! \/var\/spool\/postfix +ext4 +39 MiB +7\.8 MiB +29\.2 MiB +22% +1\.9 MiB +0 +100%$/m);
  });
});
