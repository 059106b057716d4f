import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { CommandContext } from '../../../src/cli/command.js';
import { createSystemPaths } from '../../../src/core/system-paths.js';
import { createRunner } from '../../../src/ui/effects/runner.js';
import { runTui } from '../../../src/ui/run-tui.js';
import type { RecordResult } from '../../../src/ui/ports/index.js';
import type { Action } from '../../../src/ui/walk/requests.js';
import { fakePorts } from '../fake-ports.js';
import { FakeStdin } from '../fake-stdin.js';

// Quitting stops every task; it waits only for those that change something (a purge putting DIR
// back, a write to the incident file), never for one that only reads (a df whose statfs does not
// answer, the deleted-but-open scan).

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

function terminal() {
  const out = new PassThrough() as PassThrough & { isTTY: boolean; columns: number; rows: number };
  Object.assign(out, { isTTY: true, columns: 80, rows: 24 });
  let text = '';
  out.on('data', (d) => (text += d.toString()));
  const err = new PassThrough();
  let errText = '';
  err.on('data', (d) => (errText += d.toString()));
  const stdin = new FakeStdin();
  const ctx: CommandContext = {
    command: '',
    positionals: [],
    flags: {},
    global: { json: false, serial: false, ascii: false, noColor: false },
    terminal: { serial: false, ascii: false, color: false },
    paths: createSystemPaths(undefined, '/'),
    io: { stdout: out, stderr: err, stdin: stdin as unknown as CommandContext['io']['stdin'], env: {}, cwd: '/' },
    signal: new AbortController().signal,
  };
  return { ctx, stdin, out: () => text, err: () => errText };
}

describe('quitting the walk', () => {
  it('does not wait for a df that never answers', async () => {
    const t = terminal();
    const signals: AbortSignal[] = [];
    const base = fakePorts().ports;
    const done = runTui(t.ctx, { ...base, disks: { loadDisks: (signal?: AbortSignal) => never<never>(signals, signal) } });
    await vi.waitFor(() => expect(t.out()).toContain('Reading filesystems'), { timeout: 5000, interval: 10 });
    t.stdin.press('q');
    // well under the 30 s the exit gives a change to finish
    expect(await Promise.race([done, new Promise((r) => setTimeout(() => r('still waiting'), 5000))])).toBe(0);
    expect(t.err()).not.toContain('waiting for the running step');
    expect(signals[0]?.aborted).toBe(true);
  });
});
