import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { PurgeProgress, PurgeReview, TaskOptions, TruncatePlan, TruncatePort } from '../../../src/ui/ports/index.js';
import { controlled, fakePorts, purged, steppedPurge } from '../fake-ports.js';
import { KEY, renderWalk } from '../render-walk.js';

afterEach(cleanup);

async function toPurge(purge = steppedPurge(), over: Parameters<typeof fakePorts>[0] = {}, ready = 'strategy:') {
  const { ports, calls } = fakePorts({ purge: purge.port, ...over });
  const w = renderWalk(ports);
  await w.waitFor('Needs attention');
  await w.press('2', 'Postfix maildrop');
  await w.press('p', ready);
  return { w, calls, purge };
}

describe('Purge screen', () => {
  it('shows the whole plan before anything can happen', async () => {
    const { w } = await toPurge();
    const f = w.frame();
    expect(f).toContain('Purge /var/spool/postfix/maildrop (Postfix maildrop)');
    expect(f).toContain('  snapshot:   owner postfix:postdrop (107:114), mode 01730, SELinux label none');
    expect(f).toContain('  contents:   100 entries, 976.6 KiB');
    expect(f).toContain('  Postfix:    not running (no pid/master.pid); config /etc/postfix, queue');
    expect(f).toContain('              /var/spool/postfix');
    expect(f).toContain('  strategy:   swap');
    expect(f).toContain("Enter or p to purge: you will type 'maildrop' to confirm.");
  });

  it('counts with progress while it plans, and Esc stops the plan with nothing changed', async () => {
    const plans: ReturnType<typeof controlled<PurgeReview>>[] = [];
    let progress: (p: PurgeProgress) => void = () => undefined;
    const plan = (_d: string, o: TaskOptions<PurgeProgress>) => {
      const c = controlled<PurgeReview>();
      plans.push(c);
      progress = o.onProgress!;
      c.attach(o.signal);
      return c.promise;
    };
    const purge = { plan, execute: async () => purged() };
    const { ports } = fakePorts({ purge });
    const w = renderWalk(ports);
    await w.waitFor('Needs attention');
    await w.press('2', 'Postfix maildrop');
    await w.press('p', 'Making the plan: 0 entries counted so far (Esc stops)');
    await vi.waitFor(() => expect(plans).toHaveLength(1));
    progress({ phase: 'counting', done: 420_000, bytesFreed: 0, ratePerS: 0, elapsedMs: 1000, where: '/var/spool/postfix/maildrop' });
    await w.waitFor('Making the plan: 420,000 entries counted so far (Esc stops)');
    await w.press(KEY.esc, 'Planning stopped; nothing was changed. Enter or p plans again.');
    const again = await w.press('p', 'Making the plan:');
    expect(again).not.toContain('DANGER');
    await vi.waitFor(() => expect(plans).toHaveLength(2));
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

  it('runs with rate and ETA after the exact name, says when DIR is back, and Esc stops it cleanly', async () => {
    const { w, purge } = await toPurge();
    await w.press('p', 'DANGER');
    await w.type('maildrop');
    await w.press(KEY.enter, 'Purging. Esc stops cleanly');
    await vi.waitFor(() => expect(purge.executed).toHaveLength(1));
    purge.progress({ phase: 'deleting', done: 40, total: 100, bytesFreed: 400_000, ratePerS: 12_345, etaS: 75, elapsedMs: 3000, dirBackInPlaceAfterMs: 210, where: '/var/spool/postfix/.maildrop.spoolrescue-purge-1' });
    const f = await w.waitFor('Removed  40 of 100');
    expect(f).toContain('Removed  40 of 100 [########------------]  40%');
    expect(f).toContain('rate 12,345/s   ETA 1m 15s   390 KiB freed');
    expect(f).toContain('maildrop is back in place, empty, with its owner and mode.\nDeleting in /var/spool/postfix/.maildrop.spoolrescue-purge-1');
    expect(f).toMatch(/Esc stop/);
    await w.press(KEY.esc, /stopping cleanly\.\.\./);
    await vi.waitFor(() => expect(purge.signal()?.aborted).toBe(true));
    purge.run.resolve(purged({ ok: false, aborted: true, removed: 40, lines: ['Stopped: /var/spool/postfix/maildrop (swap): 40 entries removed'], failures: ['stopped by Ctrl-C before the end; rerun the same command to finish'] }));
    const stopped = await w.waitFor('Purge stopped: the directory is back in place; purge again to finish.');
    expect(stopped).toContain('Enter or p makes a new plan to finish.');
    expect(stopped).not.toMatch(/5\*Purge/);
    // Again: a new plan is shown first; nothing runs before it.
    const replanned = await w.press('p', 'Planning again: review the new plan, then confirm.');
    expect(replanned).not.toContain('DANGER');
    expect(purge.executed).toHaveLength(1);
  });

  it('shows the verification when it is done and marks the step done', async () => {
    const { w, purge } = await toPurge();
    await w.press('p', 'DANGER');
    await w.type('maildrop');
    await w.press(KEY.enter, 'Purging.');
    await vi.waitFor(() => expect(purge.executed).toHaveLength(1));
    purge.run.resolve(purged());
    const f = await w.waitFor('verified:');
    expect(f).toContain('Purged: /var/spool/postfix/maildrop (swap): 100 entries removed, 976.6 KiB freed\n    in 2.0 s');
    expect(f).toContain('  verified: owner postfix:postdrop (107:114), mode 01730, label none: as\n    snapshotted');
    expect(f).toContain('  postfix check: ok, nothing to report');
    expect(f).toMatch(/5\*Purge/);
  });

  it('drops the quit question when the purge ends on its own, and leaves no progress lines above the result', async () => {
    const { w, purge } = await toPurge();
    await w.press('d', 'DANGER');
    await w.type('maildrop');
    await w.press(KEY.enter, 'Purging.');
    await vi.waitFor(() => expect(purge.executed).toHaveLength(1));
    purge.progress({ phase: 'deleting', done: 40, bytesFreed: 1000, ratePerS: 100, elapsedMs: 400, where: '/var/spool/postfix/maildrop.old' });
    await w.waitFor('rate ');
    const asked = await w.press('q', 'Stop it cleanly and quit? (y/N)');
    expect(asked).toContain('Purging.');
    purge.run.resolve(purged());
    const f = await w.waitFor('verified:');
    expect(f).not.toContain('Stop it');
    expect(f).not.toContain('is running');
    expect(f).toContain('It has ended (see above); q quits.');
    expect(f).not.toMatch(/rate |ETA|Deleting in|Purging\./);
    expect(f.split('\n')[2]).toBe('Purge /var/spool/postfix/maildrop (Postfix maildrop)');
    expect(f.split('\n')[3]).toMatch(/^Purged: /);
    expect(w.state().quit).toBeFalsy();
  });

  it('refuses what must never be purged, and says so', async () => {
    const refusal = '/var/spool/postfix/maildrop belongs to a running Postfix (master pid 42): deleting files under it would race with its daemons';
    const { w } = await toPurge(steppedPurge({ refusal, lines: [] }), {}, 'Refused:');
    expect(w.frame()).toContain('Refused: /var/spool/postfix/maildrop belongs to a running Postfix (master pid');
    expect(w.frame()).toContain('Nothing will be changed.');
    const f = await w.press('p', 'Refused: /var/spool/postfix/maildrop belongs');
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
});
