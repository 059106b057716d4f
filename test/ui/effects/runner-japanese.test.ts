import { afterEach, describe, expect, it } from 'vitest';
import { speak } from '../../../src/core/i18n/speak.js';
import { createRunner } from '../../../src/ui/effects/runner.js';
import { stepOf } from '../../../src/ui/steps/index.js';
import type { Action } from '../../../src/ui/walk/requests.js';
import { fakePorts } from '../fake-ports.js';

// The reasons the runner gives a stopped task (a port may show them) and the registry's error
// speak the run's language: Esc and quitting say who stopped the task.

afterEach(() => speak('en'));

function stoppedReasons() {
  const reasons: unknown[] = [];
  const base = fakePorts().ports;
  const ports = { ...base, disks: { loadDisks: (signal?: AbortSignal) => new Promise<never>((_, reject) => signal?.addEventListener('abort', () => { reasons.push((signal.reason as Error).message); reject(signal.reason); })) } };
  const seen: Action[] = [];
  const runner = createRunner(ports, (a) => seen.push(a), { progressEveryMs: 0 });
  return { runner, reasons, seen };
}

describe('the runner in Japanese', () => {
  it('a task stopped by Esc and one stopped by the end of the walk carry the reason in the language of the run', async () => {
    speak('ja');
    const esc = stoppedReasons();
    esc.runner.run({ kind: 'loadDisks', token: 1, purpose: 'start' });
    esc.runner.run({ kind: 'abort', token: 2, task: 1 } as never);
    await esc.runner.settled();
    expect(esc.reasons).toEqual(['オペレーターが中断']);
    expect(esc.seen.at(-1)).toMatchObject({ type: 'aborted', token: 1 });
    const quit = stoppedReasons();
    quit.runner.run({ kind: 'loadDisks', token: 1, purpose: 'start' });
    quit.runner.dispose();
    expect(quit.reasons).toEqual(['ウォークが終了']);
    speak('en');
    const en = stoppedReasons();
    en.runner.run({ kind: 'loadDisks', token: 1, purpose: 'start' });
    en.runner.run({ kind: 'abort', token: 2, task: 1 } as never);
    await en.runner.settled();
    expect(en.reasons).toEqual(['stopped by the operator']);
  });

  it('an unknown step is named in Japanese', () => {
    speak('ja');
    expect(() => stepOf('nowhere')).toThrow('ステップ nowhere はありません');
  });
});
