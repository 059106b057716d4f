import type { Request } from './requests.js';
import type { StepStates, Task, WalkState } from './types.js';

type Unsent<R> = R extends unknown ? Omit<R, 'token'> : never;

// Appends a request for the runner and returns the state with the token it was given.
export function ask(state: WalkState, req: Unsent<Request>): [WalkState, number] {
  const token = state.nextToken;
  const full = { ...req, token } as Request;
  return [{ ...state, nextToken: token + 1, requests: [...state.requests, full] }, token];
}

// A task that has just been asked for.
export function running<T, P>(token: number): Task<T, P> {
  return { status: 'running', token, progress: null, stopping: false };
}

// True while a task waits for its result.
export function isRunning(t: Task<unknown, unknown>): t is Extract<Task<unknown, unknown>, { status: 'running' }> {
  return t.status === 'running';
}

// Asks the runner to stop a running task (no-op when it is not running or already stopping).
export function askStop(state: WalkState, task: Task<unknown, unknown>): WalkState {
  if (task.status !== 'running' || task.stopping) return state;
  return ask(state, { kind: 'abort', task: task.token })[0];
}

// The same task marked as stopping, so the screen can say so until the runner answers.
export function stopping<X extends Task<unknown, unknown>>(task: X): X {
  return task.status === 'running' ? { ...task, stopping: true } : task;
}

// The result of a request whose token matches the task, else undefined (a stale answer).
export function matching<T, P>(task: Task<T, P>, token: number): boolean {
  return task.status === 'running' && task.token === token;
}

// Asks the runner to stop the running tasks of one slice and marks them stopping (Ctrl-C, quit).
export function stopSlice<K extends keyof StepStates>(state: WalkState, slice: K, fields: readonly (keyof StepStates[K])[]): WalkState {
  let s = state;
  const next = { ...state[slice] } as unknown as Record<PropertyKey, Task<unknown, unknown>>;
  for (const f of fields) {
    const t = next[f as PropertyKey];
    if (t.status !== 'running' || t.stopping) continue;
    s = askStop(s, t);
    next[f as PropertyKey] = stopping(t);
  }
  return { ...s, [slice]: next } as WalkState;
}

// True when one of the named tasks of a slice is running.
export function sliceRunning<K extends keyof StepStates>(state: WalkState, slice: K, fields: readonly (keyof StepStates[K])[]): boolean {
  return fields.some((f) => isRunning((state[slice] as unknown as Record<PropertyKey, Task<unknown, unknown>>)[f as PropertyKey]));
}
