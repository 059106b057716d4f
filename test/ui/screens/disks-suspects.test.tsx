import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Suspect } from '../../../src/core/suspects/rank.js';
import { DISKS, FULL_VAR, fakePorts, fsRow } from '../fake-ports.js';
import { renderWalk } from '../render-walk.js';
import { displayWidth } from '../../../src/core/text/text-fit.js';

afterEach(cleanup);

const on = (fs: { devId: string; mount: string }, over: Partial<Suspect>): Suspect => ({
  path: '/x',
  hostPath: '/x',
  kind: 'queue',
  name: { word: 'queue', of: 'x' },
  label: 'x',
  estimatedEntries: null,
  bytes: 0,
  reason: 'x',
  devId: fs.devId,
  mount: fs.mount,
  fstype: 'ext4',
  ...over,
});

describe('Disks screen: likely culprits of the selected filesystem', () => {
  const maildrop = on(FULL_VAR, { path: '/var/spool/postfix/maildrop', estimatedEntries: 1_000_000, bytes: 28 * 2 ** 20 });
  const mailbox = on(FULL_VAR, { path: '/var/mail/root', kind: 'mailbox', bytes: 3 * 2 ** 30 });
  const rootLog = on(DISKS.filesystems[0], { path: '/tmp', kind: 'tmp', estimatedEntries: 5000, bytes: 200 * 1024 });

  it('shows only the suspects on the filesystem under the cursor, and says when there are none', async () => {
    const { ports } = fakePorts({ disks: { loadDisks: async () => ({ ...DISKS, suspects: [maildrop, mailbox, rootLog], suspectsMs: 4 }) } });
    const w = renderWalk(ports, { columns: 120 });
    const f = await w.waitFor('Likely culprits');
    // The cursor starts on the fullest filesystem, /var.
    expect(f).toContain('Likely culprits (no scan yet): /var/spool/postfix/maildrop ~1,000,000 entries (dir 28 MiB); /var/mail/root 3 GiB');
    expect(f).not.toContain('/tmp ~5,000');
    const root = await w.press('k', /^> \/ +ext4/m);
    expect(root).toContain('Likely culprits (no scan yet): /tmp ~5,000 entries (dir 200 KiB)');
    const shm = await w.press('j', /^> \/var /m);
    const last = await w.press('j', /^> \/dev\/shm/m);
    expect(shm).toContain('/var/mail/root');
    expect(last).toContain('Likely culprits: none on this filesystem');
  });

  // The culprits' block: its first line and the indented lines that follow it.
  const culprits = (f: string) => {
    const lines = f.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Likely culprits'));
    return [lines[at], ...lines.slice(at + 1).filter((_, i, rest) => rest.slice(0, i + 1).every((l) => l.startsWith('  ')))];
  };

  it('at 80x24 names every culprit on the rows that are free, not three lines and "+N more"', async () => {
    const many = Array.from({ length: 6 }, (_, i) => on(FULL_VAR, { path: `/var/spool/postfix/queue-number-${i}`, estimatedEntries: 100_000 - i }));
    const { ports } = fakePorts({ disks: { loadDisks: async () => ({ ...DISKS, suspects: many }) } });
    const w = renderWalk(ports, { columns: 80, rows: 24 });
    const f = await w.waitFor('Likely culprits');
    const block = culprits(f);
    for (const l of block) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    expect(block.length, f).toBeGreaterThan(3);
    const text = block.map((l) => l.trim()).join(' ');
    for (let i = 0; i < 6; i++) expect(text, f).toContain(`queue-number-${i} ~${(100_000 - i).toLocaleString('en-US')} entries`);
    expect(text).not.toMatch(/more$/);
    expect(f.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('at 80x24 fills the free rows and counts the culprits that do not fit', async () => {
    const many = Array.from({ length: 40 }, (_, i) => on(FULL_VAR, { path: `/var/spool/postfix/queue-number-${i}`, estimatedEntries: 100_000 - i }));
    const { ports } = fakePorts({ disks: { loadDisks: async () => ({ ...DISKS, suspects: many }) } });
    const w = renderWalk(ports, { columns: 80, rows: 24 });
    const f = await w.waitFor('Likely culprits');
    const lines = f.split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    const block = culprits(f);
    for (const l of block) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    const text = block.map((l) => l.trim()).join(' ');
    const named = new Set(text.match(/queue-number-\d+ /g));
    const more = Number(/; \+(\d+) more$/.exec(text)?.[1]);
    // every culprit is either named or counted, and more are named than three lines would hold
    expect(named.size + more, f).toBe(40);
    expect(block.length, f).toBeGreaterThan(3);
    // the block takes the screen's last free row: the plan line follows it, the screen is full,
    // and the filesystem's own figures are still whole above it
    const end = lines.indexOf(block[block.length - 1]);
    expect(lines[end + 1], f).toMatch(/^P: the rescue plan/);
    expect(lines.length, f).toBe(24);
    expect(f).toContain('512 MiB\n  reserved for root');
  });

  it('wraps them on the free rows when the full filesystem is on the last, short page of a long table (a host with many mounts)', async () => {
    // Like the demo on a busy host: a dozen mounts, the flooded one mounted last; the cursor
    // starts on it, so the table shows a page of two rows and the rows below are free.
    const mounts = Array.from({ length: 11 }, (_, i) => fsRow(`/srv/mount-${i}`, { devId: `0:${100 + i}` }));
    const full = { ...FULL_VAR, mount: '/tmp/spoolrescue-demo-abcdef/root' };
    const suspects = ['maildrop', 'defer', 'deferred'].map((q) =>
      on(full, { path: `/var/spool/postfix/${q}`, estimatedEntries: 20_000, bytes: 552 * 1024 }),
    );
    const { ports } = fakePorts({ disks: { loadDisks: async () => ({ ...DISKS, filesystems: [...mounts, full], suspects }) } });
    const w = renderWalk(ports, { columns: 80, rows: 24 });
    const f = await w.waitFor('Likely culprits');
    expect(f).toMatch(/^> \/tmp\/.*root +ext4/m);
    const lines = f.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Likely culprits'));
    const block = [lines[at], ...lines.slice(at + 1).filter((_, i, rest) => rest.slice(0, i + 1).every((l) => l.startsWith('  ')))];
    expect(block.join(' '), f).not.toContain('...');
    for (const q of ['maildrop', 'defer', 'deferred']) expect(block.join(' ')).toContain(`/var/spool/postfix/${q} ~20,000`);
    expect(lines.length).toBeLessThanOrEqual(24);
  });
});
