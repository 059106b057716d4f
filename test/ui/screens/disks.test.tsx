import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { dfFlag } from '../../../src/core/disks/model.js';
import { DISKS, FULL_VAR, fakePorts, fsRow } from '../fake-ports.js';
import { KEY, renderWalk } from '../render-walk.js';

afterEach(cleanup);

const lines = (f: string) => f.split('\n');

describe('Disks screen', () => {
  it('shows the df table with flags, and the selected filesystem in detail', async () => {
    const { ports } = fakePorts();
    const w = renderWalk(ports);
    const f = await w.waitFor('Needs attention');
    expect(f).toMatch(/\[1 Disks\]/);
    expect(f).toMatch(/^ {2}MOUNT +TYPE +SIZE +USE% +AVAIL +INODE% FLAGS$/m);
    expect(f).toMatch(/^> \/var +ext4 +10 GiB +99% +102 MiB +100% ! bytes inodes$/m);
    expect(f).toContain('/var on /dev/vdb1 (ext4): 9.9 GiB used of 10 GiB, 102 MiB available, 512 MiB\n  reserved for root\n');
    expect(f).toContain('Inodes: 999,000 used of 1,000,000 (100%), 1,000 free');
    expect(f).toContain('Needs attention: bytes 99% used, 102 MiB left for ordinary users');
    expect(f).toContain('             and inodes 100% used, 1,000 left: new files will soon fail');
    expect(f).toContain('Deleted-but-open files: none on this filesystem');
    const next = await w.press('j', /^> \/dev\/shm/m);
    expect(next).toContain('Not flagged.');
  });

  it('lists deleted-but-open files held on the selected filesystem, with how to free them', async () => {
    const held = { pid: 42, command: 'rsyslogd', fd: 7, path: '/var/log/messages', sizeBytes: 3 * 2 ** 30, allocatedBytes: 3 * 2 ** 30, mount: '/var' };
    const flag = dfFlag({ code: 'deleted-open', bytes: 3 * 2 ** 30 });
    const filesystems = [DISKS.filesystems[0], { ...FULL_VAR, deletedOpenBytes: 3 * 2 ** 30, flags: [...FULL_VAR.flags, flag] }];
    const { ports } = fakePorts({ disks: { loadDisks: async () => ({ ...DISKS, filesystems, deletedOpen: [held], deletedOpenCount: 1 }) } });
    const w = renderWalk(ports, { columns: 200 });
    const f = await w.waitFor('Deleted-but-open');
    expect(f).toMatch(/! bytes inodes deleted/);
    expect(f).toContain('Deleted-but-open files hold 3 GiB (df counts them, du cannot see them); largest: pid 42 rsyslogd fd 7 /var/log/messages (free it: : > /proc/42/fd/7)');
    expect(f).toContain('(2 more: inodes 100% used, 1,000 left; 3 GiB held by deleted files still open)');
  });

  it('shows a filesystem that did not answer without figures, flagged in words', async () => {
    const dead = fsRow('/mnt/nfs', { fstype: 'nfs4', sizeBytes: null, usedBytes: null, availBytes: null, reservedBytes: null, inodes: null, inodesUsed: null, inodesFree: null, usePercent: null, inodeUsePercent: null, flags: [dfFlag({ code: 'not-responding', problem: { code: 'timed-out', ms: 3000 } })] });
    const { ports } = fakePorts({ disks: { loadDisks: async () => ({ ...DISKS, filesystems: [fsRow('/'), dead] }) } });
    const w = renderWalk(ports);
    await w.waitFor('/mnt/nfs');
    const f = await w.press('j', /^> \/mnt\/nfs/m);
    expect(f).toMatch(/^> \/mnt\/nfs +nfs4 +- +- +- +- ! no-answer$/m);
    expect(f).toContain('/mnt/nfs on /dev/vdb1 (nfs4): no figures (statfs did not answer)');
    expect(f).toContain('Needs attention: not responding: no answer from statfs within 3000 ms');
  });

  it('fits 80x24 and uses more rows when the terminal has them', async () => {
    const many = Array.from({ length: 40 }, (_, i) => fsRow(`/srv/d${String(i).padStart(2, '0')}`));
    const { ports } = fakePorts({ disks: { loadDisks: async () => ({ ...DISKS, filesystems: many }) } });
    const small = renderWalk(ports);
    const f = await small.waitFor('/srv/d00');
    expect(lines(f).length).toBeLessThanOrEqual(24);
    expect(Math.max(...lines(f).map((l) => l.length))).toBeLessThanOrEqual(80);
    const shownSmall = lines(f).filter((l) => /\/srv\/d\d\d +ext4/.test(l)).length;
    const big = renderWalk(fakePorts({ disks: { loadDisks: async () => ({ ...DISKS, filesystems: many }) } }).ports, { columns: 132, rows: 50 });
    const g = await big.waitFor('/srv/d00');
    expect(lines(g).length).toBeLessThanOrEqual(50);
    const shownBig = lines(g).filter((l) => /\/srv\/d\d\d +ext4/.test(l)).length;
    expect(shownBig).toBeGreaterThan(shownSmall + 20);
  });

  it('scrolls a page at a time and says when reading failed', async () => {
    const many = Array.from({ length: 40 }, (_, i) => fsRow(`/srv/d${String(i).padStart(2, '0')}`));
    const w = renderWalk(fakePorts({ disks: { loadDisks: async () => ({ ...DISKS, filesystems: many }) } }).ports);
    await w.waitFor('/srv/d00');
    const end = await w.press('G', /^> \/srv\/d39/m);
    expect(end).not.toContain('/srv/d00');
    const broken = renderWalk(fakePorts({ disks: { loadDisks: async () => Promise.reject(new Error('cannot read /proc/self/mountinfo: EACCES')) } }).ports);
    expect(await broken.waitFor('Could not')).toContain('Could not read the filesystems: cannot read /proc/self/mountinfo: EACCES');
  });

  it('Enter picks the filesystem and moves on to Hotspots; Tab skips; digits revisit', async () => {
    const { ports } = fakePorts();
    const w = renderWalk(ports);
    await w.waitFor('Needs attention');
    const hot = await w.press(KEY.enter, /\[2 Hotspots\]/);
    expect(hot).toMatch(/1\*Disks/);
    const back = await w.press('1', /\[1\*Disks\]/);
    expect(back).toContain('Which filesystem is full?');
    const skipped = await w.press(KEY.tab, /\[2 Hotspots\]/);
    expect(skipped).toMatch(/1\*Disks/);
    await w.press(KEY.tab, /\[3 Look inside\]/);
    expect(w.frame()).toMatch(/2-Hotspots/);
  });
});
