import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { DISKS, FULL_VAR, fakePorts, fsRow } from '../fake-ports.js';
import { renderWalk } from '../render-walk.js';
import { displayWidth } from '../../../src/core/text/text-fit.js';

afterEach(cleanup);

// Messages the operator must read whole wrap onto the rows that are free instead of being cut,
// and table columns grow with the terminal.

const INODE_REASON = 'inodes 100% used, 1,000 left: new files will soon fail; Postfix refuses mail when it cannot create a queue file';
const VAR = { ...FULL_VAR, flags: [FULL_VAR.flags[0], { code: 'inodes-full' as const, reason: INODE_REASON }] };
const LONG_MOUNT = '/srv/archive/company-wide/mail-spool-of-the-old-cluster/var';

describe('Disks wraps its reasons where rows are free', () => {
  it('shows the whole inode reason on 60 columns over two lines, none wider than the terminal', async () => {
    const { ports } = fakePorts({ disks: { loadDisks: async () => ({ ...DISKS, filesystems: [fsRow('/'), VAR] }) } });
    const w = renderWalk(ports, { columns: 60, rows: 20 });
    const f = await w.waitFor('Needs attention');
    const lines = f.split('\n');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(60);
    const at = lines.findIndex((l) => l.includes('and inodes 100% used'));
    const reason = [lines[at], ...lines.slice(at + 1).filter((l, i, all) => all.slice(0, i + 1).every((x) => x.startsWith(' '.repeat(17))))];
    expect(reason.map((l) => l.trim()).join(' ')).toBe(`and ${INODE_REASON}`);
    expect(f).not.toMatch(/create a\.\.\./);
  });

  it('grows the mount column at 200 columns so a long mount point is shown whole', async () => {
    const { ports } = fakePorts({ disks: { loadDisks: async () => ({ ...DISKS, filesystems: [fsRow('/'), fsRow(LONG_MOUNT), VAR] }) } });
    const wide = renderWalk(ports, { columns: 200, rows: 50 });
    const f = await wide.waitFor('Needs attention');
    expect(f).toMatch(new RegExp(`^ {2}${LONG_MOUNT} +ext4 `, 'm'));
    const narrow = renderWalk(fakePorts({ disks: { loadDisks: async () => ({ ...DISKS, filesystems: [fsRow('/'), fsRow(LONG_MOUNT), VAR] }) } }).ports, { columns: 80, rows: 24 });
    const g = await narrow.waitFor('Needs attention');
    const row = g.split('\n').find((l) => l.includes('ext4') && l.includes('/srv/'))!;
    expect(row).toContain('...');
    expect(row).toMatch(/cluster\/var +ext4/);
  });
});

describe('Summary wraps the walk log where rows are free', () => {
  it('shows "Disks at start" whole, over several lines', async () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ ...VAR, mount: `/srv/full-filesystem-number-${i}` }));
    const { ports } = fakePorts({ disks: { loadDisks: async () => ({ ...DISKS, filesystems: many }) } });
    const w = renderWalk(ports, { columns: 80, rows: 30 });
    await w.waitFor('Needs attention');
    const f = await w.press('6', 'What the walk did');
    const lines = f.split('\n');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    const at = lines.findIndex((l) => l.includes('Disks at start:'));
    expect(at, f).toBeGreaterThan(-1);
    const text = lines.slice(at, at + 8).join(' ');
    for (let i = 0; i < 6; i++) expect(text).toContain(`full-filesystem-number-${i}`);
  });
});
