import { describe, expect, it } from 'vitest';
import { createRunner } from '../../../src/ui/effects/runner.js';
import type { RecordResult } from '../../../src/ui/ports/index.js';
import type { Action } from '../../../src/ui/walk/requests.js';
import { fakePorts } from '../fake-ports.js';

// Quitting stops every task; it waits only for those that change something (a purge putting DIR
// back, a write to the incident file), never for one that only reads (a df whose statfs does not
// answer, the deleted-but-open scan). The walk's exit itself: test/ui/run-tui.test.ts.

// A promise that never settles, whatever its signal says: a read stuck in the kernel.
const never = <T>(seen: AbortSignal[], signal?: AbortSignal) => {
  if (signal) seen.push(signal);
  return new Promise<T>(() => undefined);
};

describe('the runner at quit', () => {
  it('stops a read that never settles without waiting for it, and waits for a change until it is done', async () => {
    const signals: AbortSignal[] = [];
    let finishWrite!: (r: RecordResult) => void;
    const base = fakePorts().ports;
    const ports = {
      ...base,
      disks: { loadDisks: (signal?: AbortSignal) => never<never>(signals, signal) },
      evidence: { ...base.evidence, record: () => new Promise<RecordResult>((r) => (finishWrite = r)) },
    };
    const seen: Action[] = [];
    const runner = createRunner(ports, (a) => seen.push(a), { progressEveryMs: 0 });
    runner.run({ kind: 'loadDisks', token: 1, purpose: 'start' });
    runner.run({ kind: 'record', token: 2, file: '/tmp/incident.md', title: 't', markdown: 'm', purpose: 'summary' });
    expect(runner.active('reads')).toBe(1);
    expect(runner.active('changes')).toBe(1);
    runner.dispose();
    expect(signals).toHaveLength(1);
    expect(signals[0].aborted).toBe(true);
    let changesDone = false;
    const waiting = runner.settled('changes').then(() => (changesDone = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(changesDone).toBe(false);
    finishWrite({ ok: true } as RecordResult);
    await waiting;
    expect(changesDone).toBe(true);
    // the read is still stuck, and only a wait for everything would have hung on it
    expect(runner.active('reads')).toBe(1);
  });
});
