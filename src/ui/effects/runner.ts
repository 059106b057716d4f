import { CliError } from '../../core/cli-error.js';
import type { Ports } from '../ports/index.js';
import { STEPS } from '../steps/index.js';
import type { Effects, Handlers } from '../walk/step.js';
import type { Action, Request } from '../walk/requests.js';
import { runnerText } from './messages.js';
import { taskKindOf, type TaskKind } from './task-kinds.js';

// Performs the reducer's requests through the handlers the steps register (Step.effects): one
// AbortController per long task, progress throttled to what a screen can show, every outcome
// (value, error, stop) sent back as an action with the request's token. Never throws: a failure
// is an action with a one-line error.

export interface RunnerOptions {
  /** Least time between two progress actions of one task (default 100 ms). */
  progressEveryMs?: number;
  now?: () => number;
}

// The runner of one walk; dispose() stops everything still running (quit, crash, unmount).
export interface Runner {
  run(req: Request): void;
  dispose(): void;
  /** Tasks still running, of one kind or all (for tests and the exit path). */
  active(kind?: TaskKind): number;
  /** Resolves when every started task (of one kind) has finished (a stopped purge puts DIR back first). */
  settled(kind?: TaskKind): Promise<void>;
}

// One line for the operator from whatever a handler threw.
function errorLine(e: unknown): string {
  if (e instanceof CliError) return e.message;
  if (e instanceof Error) return e.message.split('\n')[0];
  return String(e);
}

type AnyHandler = (req: Request, ctx: { signal: AbortSignal; progress(p: unknown): void }) => Promise<unknown> | void;

// Builds the runner for a set of ports; dispatch receives every answer.
export function createRunner(ports: Ports, dispatch: (a: Action) => void, opts: RunnerOptions = {}): Runner {
  const every = opts.progressEveryMs ?? 100;
  const now = opts.now ?? Date.now;
  const controllers = new Map<number, AbortController>();
  const inflight = new Map<Promise<unknown>, TaskKind>();
  const ofKind = (kind?: TaskKind) => [...inflight].filter(([, k]) => !kind || k === kind).map(([p]) => p);
  const effects: Effects[] = STEPS.flatMap((s) => (s.effects ? [s.effects(ports)] : []));
  const handlers: Handlers = Object.assign({}, ...effects.map((e) => e.handlers));
  let disposed = false;

  const send = (a: Action) => {
    if (!disposed) dispatch(a);
  };

  function progress(kind: Request['kind'], token: number): (p: unknown) => void {
    let last = -Infinity;
    return (p) => {
      const t = now();
      if (t - last < every) return;
      last = t;
      send({ type: 'progress', kind, token, progress: p } as Action);
    };
  }

  function run(req: Request): void {
    if (disposed) return;
    const { kind, token } = req;
    if (req.kind === 'abort') {
      controllers.get(req.task)?.abort(new Error(runnerText().stoppedByOperator));
      return;
    }
    const handler = handlers[kind] as AnyHandler | undefined;
    const controller = new AbortController();
    let promise: Promise<unknown> | void;
    try {
      promise = handler ? handler(req, { signal: controller.signal, progress: progress(kind, token) }) : Promise.reject(new Error(runnerText().nothingPerforms(kind)));
    } catch (e) {
      promise = Promise.reject(e);
    }
    // A fire-and-forget request (closing a directory) is done when its handler returns.
    if (!promise) return;
    controllers.set(token, controller);
    const settled = promise
      .then(
        (value) => send({ type: 'done', kind, token, value, atMs: now() } as Action),
        (e: unknown) => {
          if (controller.signal.aborted) send({ type: 'aborted', kind, token, atMs: now() });
          else send({ type: 'failed', kind, token, error: errorLine(e), atMs: now() });
        },
      )
      .finally(() => {
        controllers.delete(token);
        inflight.delete(settled);
      });
    inflight.set(settled, taskKindOf(kind));
  }

  return {
    run,
    dispose() {
      if (disposed) return;
      for (const c of controllers.values()) c.abort(new Error(runnerText().walkEnded));
      for (const e of effects) e.dispose?.();
      disposed = true;
    },
    active: (kind) => (kind ? ofKind(kind).length : controllers.size),
    settled: async (kind) => {
      for (let left = ofKind(kind); left.length; left = ofKind(kind)) await Promise.allSettled(left);
    },
  };
}
