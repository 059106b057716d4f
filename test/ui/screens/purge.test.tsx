import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { TruncatePlan, TruncatePort } from '../../../src/ui/ports.js';
import { fakePorts, steppedPurge } from '../fake-ports.js';
import { KEY, renderWalk } from '../render-walk.js';

afterEach(cleanup);

async function toPurge(purge = steppedPurge(), over: Parameters<typeof fakePorts>[0] = {}) {
  const { ports, calls } = fakePorts({ purge: purge.port, ...over });
  const w = renderWalk(ports);
  await w.waitFor('Needs attention');
  await w.press('2', 'Postfix maildrop');
  await w.press('p', 'Strategy:');
  return { w, calls, purge };
}

describe('Purge screen', () => {
  it('shows the whole plan before anything can happen', async () => {
    const { w } = await toPurge();
    const f = w.frame();
    expect(f).toContain('Purge /var/spool/postfix/maildrop (Postfix maildrop)');
    expect(f).toContain('Strategy:  swap - an empty copy is swapped in at once');
    expect(f).toContain('Entries:   100   Bytes: 976 KiB');
    expect(f).toContain('Owner:     postfix:postdrop (uid 107, gid 114)   mode 01730');
    expect(f).toContain('SELinux:   no label');
    expect(f).toContain('Postfix:   stopped');
    expect(f).toContain("Enter or p to purge: you will type 'maildrop' to confirm.");
  });

  it('asks for the name typed, and anything else cancels with nothing done', async () => {
    const { w, purge } = await toPurge();
    const ask = await w.press(KEY.enter, 'DANGER');
    expect(ask).toContain("Type 'maildrop' to empty /var/spool/postfix/maildrop: _");
    expect(ask).toContain("Enter runs it only if you typed 'maildrop'; Esc or anything else cancels.");
    await w.press(KEY.enter, 'Cancelled. Nothing was changed.');
    await w.press('p', 'DANGER');
    await w.type('maildro');
    await w.press(KEY.enter, "Cancelled: you typed 'maildro', not 'maildrop'. Nothing was changed.");
    await w.press('p', 'DANGER');
    await w.type('maildrop');
    await w.press(KEY.esc, 'Cancelled. Nothing was changed.');
    expect(purge.executed).toHaveLength(0);
  });

  it('runs with rate and ETA after the exact name, and Esc stops it cleanly', async () => {
    const { w, purge } = await toPurge();
    await w.press('p', 'DANGER');
    await w.type('maildrop');
    await w.press(KEY.enter, 'Purging. Esc stops cleanly');
    await vi.waitFor(() => expect(purge.executed).toHaveLength(1));
    purge.progress({ removed: 40, total: 100, bytesFreed: 400_000, rate: 12_345, etaSeconds: 75 });
    const f = await w.waitFor('Removed  40 of 100');
    expect(f).toContain('Removed  40 of 100 [########------------]  40%');
    expect(f).toContain('rate 12,345/s   ETA 1m 15s   390 KiB freed');
    expect(f).toMatch(/Esc stop/);
    await w.press(KEY.esc, /stopping cleanly\.\.\.|Purge stopped/);
    await w.waitFor('Purge stopped. The directory is in place; purge again to finish.');
    await expect(purge.run.promise).rejects.toThrow();
  });

  it('shows the verification when it is done and marks the step done', async () => {
    const { w, purge } = await toPurge();
    await w.press('p', 'DANGER');
    await w.type('maildrop');
    await w.press(KEY.enter, 'Purging.');
    await vi.waitFor(() => expect(purge.executed).toHaveLength(1));
    purge.run.resolve({ outcome: 'done', removed: 100, bytesFreed: 1_000_000, seconds: 2, verification: { ownerOk: true, groupOk: true, modeOk: true, labelOk: null, postfixCheck: { ran: true, ok: true, output: '' } } });
    const f = await w.waitFor('Verified:');
    expect(f).toContain('Done: 100 entries removed, 976 KiB freed in 2s');
    expect(f).toContain('Verified:  owner ok, group ok, mode ok, label n/a');
    expect(f).toContain('postfix check: clean');
    expect(f).toMatch(/5\*Purge/);
  });

  it('refuses what must never be purged, and says so', async () => {
    const { w } = await toPurge(steppedPurge({ refusal: 'Postfix is running: use postsuper -d ALL maildrop' }));
    expect(w.frame()).toContain('Refused: Postfix is running: use postsuper -d ALL maildrop. Nothing will be c...');
    const f = await w.press('p', 'Refused: Postfix is running');
    expect(f).not.toContain('DANGER');
  });

  it('truncates a spool in place after its plan and the typed name', async () => {
    const plan: TruncatePlan = {
      target: '/var/spool/mail/root',
      sizeBytes: 4 * 2 ** 30,
      dev: 2049,
      ino: 1234,
      uid: 0,
      gid: 8,
      owner: 'root',
      group: 'mail',
      mode: 0o600,
      lock: "Postfix's own mailbox locks (postlock)",
      capture: { time: '2026-11-20T03:20:00.000Z', sha256: 'c'.repeat(64), size: 4 * 2 ** 30 - 500 },
      lateBytes: 500,
    };
    const executed: TruncatePlan[] = [];
    const truncate: TruncatePort = {
      plan: async () => plan,
      execute: async (p) => (executed.push(p), { ok: true, sizeBefore: p.sizeBytes, sizeAfter: 0, kept: true, lock: p.lock, recorded: true }),
    };
    const { ports } = fakePorts({ truncate });
    const w = renderWalk(ports);
    await w.waitFor('Needs attention');
    await w.press('2', 'Postfix maildrop');
    await w.press('j', /^> .*root's mailbox/m);
    const f = await w.press('p', 'Lock:');
    expect(f).toContain('Truncate /var/spool/mail/root');
    expect(f).toContain('Size:      4 GiB -> 0, inode 1234 kept (truncated in place)');
    expect(f).toContain('Owner:     root:mail (uid 0, gid 8)   mode 0600 (kept)');
    expect(f).toContain('Evidence:  captured 2026-11-20T03:20:00.000Z, sha256 cccccccccccccccc...');
    expect(f).toContain('Warning:   500 B arrived after the capture and would be lost uncaptured');
    await w.press(KEY.enter, "Type 'root' to truncate /var/spool/mail/root");
    await w.type('root');
    const done = await w.press(KEY.enter, 'Done: 4 GiB -> 0 B; inode, owner, mode kept; recorded in the incident file');
    expect(done).toMatch(/5\*Purge/);
    expect(executed).toEqual([plan]);
  });

  it('without a purge core says so and never asks for a confirmation', async () => {
    const { ports } = fakePorts();
    const w = renderWalk(ports);
    await w.waitFor('Needs attention');
    await w.press('2', 'Postfix maildrop');
    const f = await w.press('p', 'Purge: needs the purge core');
    expect(f).toContain('Purge: needs the purge core. Nothing will be changed.');
    const again = await w.press(KEY.enter, 'Nothing was changed.');
    expect(again).not.toContain('DANGER');
  });
});
