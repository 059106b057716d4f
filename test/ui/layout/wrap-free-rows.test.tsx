import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { dfFlag } from '../../../src/core/disks/model.js';
import { DISKS, FULL_VAR, fakePorts, fsRow } from '../fake-ports.js';
import { renderWalk } from '../render-walk.js';
import { displayWidth } from '../../../src/core/text/text-fit.js';
import { findingWords } from '../../../src/core/prevent/finding-words.js';

afterEach(cleanup);

// Messages the operator must read whole wrap onto the rows that are free instead of being cut,
// and table columns grow with the terminal.

const INODE_REASON = 'inodes 100% used, 1,000 left: new files will soon fail';
const VAR = { ...FULL_VAR, flags: [FULL_VAR.flags[0], dfFlag({ code: 'inodes-full', inodeUsePercent: 100, inodesFree: 1000 })] };
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

  it('at 80x24 gives a long "Disks at start" every row left, not one cut line', async () => {
    const many = Array.from({ length: 16 }, (_, i) => ({ ...VAR, mount: `/srv/full-filesystem-number-${i}` }));
    const { ports } = fakePorts({ disks: { loadDisks: async () => ({ ...DISKS, filesystems: many }) } });
    const w = renderWalk(ports, { columns: 80, rows: 24 });
    await w.waitFor('Needs attention');
    const f = await w.press('6', /HIGH|MED/);
    const lines = f.split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    const at = lines.findIndex((l) => l.includes('Disks at start:'));
    const end = lines.findIndex((l) => l.startsWith('So that it does not happen again'));
    expect(at, f).toBeGreaterThan(-1);
    const entry = lines.slice(at, end);
    // more names than one line holds, the entry's last row marked as cut (16 do not fit 24 rows)
    const named = new Set(entry.join(' ').match(/full-filesystem-number-\d+/g));
    expect(named.size, f).toBeGreaterThan(4);
    expect(entry[entry.length - 1]).toMatch(/\.\.\.$/);
    // no row is left empty between the log and the findings
    expect(entry.every((l) => l.trim().length > 0)).toBe(true);
  });

  it('at 80x24 shows a long finding whole where rows are free under the log', async () => {
    const base = fakePorts();
    const paths = ['/var/spool/postfix/a-queue-directory-with-a-long-name', '/var/spool/mail/a-mail-spool-with-a-long-name-too'];
    const finding = { code: 'spool-on-root-fs' as const, id: 'spool-on-root-fs', severity: 'medium' as const, where: { setting: 'queue_minfree' }, fixable: false, facts: { paths, minfree: 0, want: 104857600 } };
    const what = findingWords(finding).what;
    const { ports } = fakePorts({ summary: { ...base.ports.summary, prevention: async () => ({ findings: [finding], unreadable: [] }) } });
    const w = renderWalk(ports, { columns: 80, rows: 24 });
    await w.waitFor('Needs attention');
    const f = await w.press('6', /spool-on-root-fs/);
    const lines = f.split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    const at = lines.findIndex((l) => l.includes('spool-on-root-fs'));
    const block = [lines[at], ...lines.slice(at + 1).filter((l, i, all) => all.slice(0, i + 1).every((x) => x.startsWith('       ') && x.trim()))];
    expect(block.map((l) => l.trim()).join(' '), f).toBe(`> MED  spool-on-root-fs (advice): ${what}`);
  });
});

