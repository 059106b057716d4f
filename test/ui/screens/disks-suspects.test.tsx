import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Suspect } from '../../../src/core/suspects/rank.js';
import { DISKS, FULL_VAR, fakePorts, fsRow } from '../fake-ports.js';
import { renderWalk } from '../render-walk.js';

afterEach(cleanup);

const on = (fs: { devId: string; mount: string }, over: Partial<Suspect>): Suspect => ({
  path: '/x',
  hostPath: '/x',
  kind: 'queue',
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

  it('fits 80 columns, wrapped onto the free rows: what does not fit is counted', async () => {
    const many = Array.from({ length: 6 }, (_, i) => on(FULL_VAR, { path: `/var/spool/postfix/queue-number-${i}`, estimatedEntries: 100_000 - i }));
    const { ports } = fakePorts({ disks: { loadDisks: async () => ({ ...DISKS, suspects: many }) } });
    const w = renderWalk(ports);
    const f = await w.waitFor('Likely culprits');
    const lines = f.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Likely culprits'));
    const block = [lines[at], ...lines.slice(at + 1).filter((_, i, rest) => rest.slice(0, i + 1).every((l) => l.startsWith('  ')))];
    for (const l of block) expect(l.length).toBeLessThanOrEqual(80);
    expect(block.length).toBeGreaterThan(1);
    expect(block.map((l) => l.trim()).join(' ')).toMatch(/queue-number-0 ~100,000 entries .*; \+\d more$/);
    expect(f.split('\n').length).toBeLessThanOrEqual(24);
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
