import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { DISKS, fakePorts, fsRow } from '../fake-ports.js';
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
    expect(f).toMatch(/^> \/var +ext4 +10 GiB +99% +102 MiB +100% ! bytes 99% us/m);
    expect(f).toContain('/var on /dev/vdb1 (ext4): 9.9 GiB used of 10 GiB, 102 MiB available, 512 MiB ...');
    expect(f).toContain('Inodes: 999,000 used of 1,000,000 (100%), 1,000 free');
    expect(f).toContain('Needs attention: bytes 99% used; inodes 100% used');
    expect(f).toContain('Deleted-but-open files: not checked (not available in this build)');
    const next = await w.press('j', /^> \/dev\/shm/m);
    expect(next).toContain('Not flagged.');
  });

  it('lists deleted-but-open files held on the selected filesystem', async () => {
    const { ports } = fakePorts({
      disks: { loadDisks: async () => ({ ...DISKS, deletedOpen: [{ pid: 42, command: 'rsyslogd', fd: 7, path: '/var/log/messages', sizeBytes: 3 * 2 ** 30, mount: '/var' }] }) },
    });
    const w = renderWalk(ports);
    expect(await w.waitFor('Deleted-but-open')).toContain('Deleted-but-open files: 1 holding 3 GiB (df counts them, du does not)');
  });

  it('fits 80x24 and uses more rows when the terminal has them', async () => {
    const many = Array.from({ length: 40 }, (_, i) => fsRow(`/srv/d${String(i).padStart(2, '0')}`));
    const { ports } = fakePorts({ disks: { loadDisks: async () => ({ filesystems: many, deletedOpen: [] }) } });
    const small = renderWalk(ports);
    const f = await small.waitFor('/srv/d00');
    expect(lines(f).length).toBeLessThanOrEqual(24);
    expect(Math.max(...lines(f).map((l) => l.length))).toBeLessThanOrEqual(80);
    const shownSmall = lines(f).filter((l) => /\/srv\/d\d\d +ext4/.test(l)).length;
    const big = renderWalk(fakePorts({ disks: { loadDisks: async () => ({ filesystems: many, deletedOpen: [] }) } }).ports, { columns: 132, rows: 50 });
    const g = await big.waitFor('/srv/d00');
    expect(lines(g).length).toBeLessThanOrEqual(50);
    const shownBig = lines(g).filter((l) => /\/srv\/d\d\d +ext4/.test(l)).length;
    expect(shownBig).toBeGreaterThan(shownSmall + 20);
  });

  it('scrolls a page at a time and says when reading failed', async () => {
    const many = Array.from({ length: 40 }, (_, i) => fsRow(`/srv/d${String(i).padStart(2, '0')}`));
    const w = renderWalk(fakePorts({ disks: { loadDisks: async () => ({ filesystems: many, deletedOpen: [] }) } }).ports);
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
