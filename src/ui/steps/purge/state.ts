import path from 'node:path';
import type { Command } from '../../keys.js';
import type { PurgeProgress, PurgeResult, PurgeReview, TruncatePlan, TruncateResult } from '../../ports/index.js';
import type { RequestSpec, ResultAction } from '../../walk/requests.js';
import { ask, isRunning, matching, running, askStop, stopping } from '../../walk/tasks.js';
import type { Nav, ReducerEnv, StepId, Target, Task, TextInput, WalkState } from '../../walk/types.js';
import { go, logged, markDone } from '../../walk/navigate.js';
import { fmtBytes, fmtCount } from '../../../core/text/units.js';
import { purgeText } from './messages.js';

// Step 5, Purge/Truncate: plan on screen first, then the directory's (or file's) name typed to
// confirm (anything else cancels), then progress with abort, then the verification.

// The Purge step's slice: plan and run of a purge (directory) or a truncate (spool file).
export interface PurgeState {
  target: Target | null;
  plan: Task<PurgeReview, PurgeProgress>;
  run: Task<PurgeResult, PurgeProgress>;
  truncatePlan: Task<TruncatePlan>;
  truncateRun: Task<TruncateResult>;
  /** The step that sent the operator here to empty one path (the plan): Enter goes back there once done. */
  then?: StepId;
}

declare module '../../walk/types.js' {
  interface StepStates {
    purge: PurgeState;
  }
}
declare module '../../walk/requests.js' {
  interface RequestMap {
    purgePlan: RequestSpec<{ path: string; incidentFile?: string }, PurgeReview, PurgeProgress>;
    purgeExecute: RequestSpec<{ review: PurgeReview; incidentFile?: string }, PurgeResult, PurgeProgress>;
    truncatePlan: RequestSpec<{ path: string; incidentFile?: string }, TruncatePlan>;
    truncateExecute: RequestSpec<{ plan: TruncatePlan; incidentFile?: string }, TruncateResult>;
  }
}

const idle = { status: 'idle' } as const;

// The slice before anything was planned.
export const initialPurge: PurgeState = { target: null, plan: idle, run: idle, truncatePlan: idle, truncateRun: idle };

const put = (s: WalkState, p: Partial<PurgeState>): WalkState => ({ ...s, purge: { ...s.purge, ...p } });

function askPlan(state: WalkState): WalkState {
  const t = state.purge.target;
  if (!t) return state;
  if (t.kind === 'dir') {
    const [s, token] = ask(state, { kind: 'purgePlan', path: t.path, incidentFile: state.incidentFile ?? undefined });
    return put(s, { plan: running(token) });
  }
  const [s, token] = ask(state, { kind: 'truncatePlan', path: t.path, incidentFile: state.incidentFile ?? undefined });
  return put(s, { truncatePlan: running(token) });
}

// Entering Purge: a new target gets a fresh plan; a finished purge stays on screen.
export function enterPurge(entered: WalkState, nav?: Nav): WalkState {
  const state = put(entered, { then: typeof nav?.params?.then === 'string' ? (nav.params.then as StepId) : undefined });
  const t = state.target;
  if (!t || state.purge.target?.path === t.path) return state;
  if (isRunning(state.purge.run) || isRunning(state.purge.truncateRun)) return state;
  const reset = put(state, { target: t, plan: { status: 'idle' }, run: { status: 'idle' }, truncatePlan: { status: 'idle' }, truncateRun: { status: 'idle' } });
  return askPlan(reset);
}

// The name the operator must type: the last component of the target.
export function confirmationWord(target: string): string {
  return path.basename(target);
}

function askConfirmation(state: WalkState, env: ReducerEnv): WalkState {
  const p = state.purge;
  if (!p.target) return { ...state, notice: { tone: 'warn', text: purgeText().nothingPicked } };
  const word = confirmationWord(p.target.path);
  if (p.target.kind === 'dir') {
    if (isRunning(p.run) || (p.run.status === 'done' && p.run.value.ok)) return state;
    // After a stopped or failed run the directory has changed: a new plan is made and shown first.
    if (p.run.status !== 'idle') return { ...askPlan(put(state, { run: { status: 'idle' } })), notice: { tone: 'info', text: purgeText().planningAgainReview } };
    if (p.plan.status === 'failed' || p.plan.status === 'aborted') return { ...askPlan(state), notice: { tone: 'info', text: purgeText().planningAgain } };
    if (p.plan.status !== 'done') return { ...state, notice: { tone: 'warn', text: purgeText().planNotReady } };
    if (p.plan.value.refusal) return { ...state, notice: { tone: 'warn', text: purgeText().refused(p.plan.value.refusal) } };
    return { ...state, input: { purpose: 'confirm-purge', prompt: purgeText().confirmEmpty(word, env.show(p.target.path)), buffer: '', expected: word, danger: true } };
  }
  if (p.truncatePlan.status !== 'done') return { ...state, notice: { tone: 'warn', text: purgeText().planNotReady } };
  if (p.truncatePlan.value.refusal) return { ...state, notice: { tone: 'warn', text: purgeText().refused(p.truncatePlan.value.refusal) } };
  if (isRunning(p.truncateRun) || p.truncateRun.status === 'done') return state;
  return { ...state, input: { purpose: 'confirm-truncate', prompt: purgeText().confirmTruncate(word, env.show(p.target.path)), buffer: '', expected: word, danger: true } };
}

// The typed confirmation: exactly the name runs it; anything else (or nothing) cancels.
export function purgeConfirmed(state: WalkState, purpose: TextInput['purpose'], typed: string, expected: string): WalkState {
  if (typed !== expected) {
    return { ...state, notice: { tone: 'info', text: typed === '' ? purgeText().cancelled : purgeText().cancelledTyped(typed, expected) } };
  }
  const p = state.purge;
  if (purpose === 'confirm-purge' && p.plan.status === 'done') {
    const [s, token] = ask(state, { kind: 'purgeExecute', review: p.plan.value, incidentFile: state.incidentFile ?? undefined });
    return put(s, { run: running(token) });
  }
  if (purpose === 'confirm-truncate' && p.truncatePlan.status === 'done') {
    const [s, token] = ask(state, { kind: 'truncateExecute', plan: p.truncatePlan.value, incidentFile: state.incidentFile ?? undefined });
    return put(s, { truncateRun: running(token) });
  }
  return state;
}

// True once the target was purged or truncated and verified.
function emptied(p: PurgeState): boolean {
  return (p.run.status === 'done' && p.run.value.ok) || (p.truncateRun.status === 'done' && p.truncateRun.value.ok);
}

// True while a destructive step runs (quitting asks first).
export function destroying(state: WalkState): boolean {
  return isRunning(state.purge.run) || isRunning(state.purge.truncateRun);
}

// Keys on the Purge screen.
export function purgeCommand(state: WalkState, command: Command, env: ReducerEnv): WalkState | undefined {
  const p = state.purge;
  if (command === 'cancel') {
    if (p.run.status === 'running') return put(askStop(state, p.run), { run: stopping(p.run) });
    if (p.plan.status === 'running') return put(askStop(state, p.plan), { plan: stopping(p.plan) });
    return undefined;
  }
  if (command === 'open' && p.then && emptied(p)) return go(state, p.then);
  if (command === 'open' || command === 'purge') return askConfirmation(state, env);
  if (command === 'lookInside' && p.target) return go({ ...state, target: p.target }, 'inside');
  if (command === 'evidence' && p.target) return go({ ...state, target: p.target }, 'evidence');
  return undefined;
}

// Results for the Purge screen.
export function purgeResult(state: WalkState, action: ResultAction, env: ReducerEnv): WalkState | undefined {
  const p = state.purge;
  const shown = env.show(p.target?.path ?? '?');
  if (action.kind === 'purgePlan' && matching(p.plan, action.token) && p.plan.status === 'running') {
    if (action.type === 'progress') return put(state, { plan: { ...p.plan, progress: action.progress } });
    if (action.type === 'done') return put(state, { plan: { status: 'done', token: action.token, value: action.value } });
    if (action.type === 'failed') return put(state, { plan: { status: 'failed', token: action.token, error: action.error } });
    if (action.type === 'aborted') return put(state, { plan: { status: 'aborted', token: action.token } });
  }
  if (action.kind === 'purgeExecute' && matching(p.run, action.token) && p.run.status === 'running') {
    if (action.type === 'progress') return put(state, { run: { ...p.run, progress: action.progress } });
    if (action.type === 'done') {
      const r = action.value;
      const s = put(state, { run: { status: 'done', token: action.token, value: r } });
      const how = r.ok ? 'done' : r.aborted ? 'stopped' : 'INCOMPLETE';
      const text = purgeText().purgeLog(shown, how, fmtCount(r.removed), fmtBytes(r.bytesFreed), r.failures[0] ?? '');
      const l = logged(s, text, action.atMs);
      if (r.ok) return p.then ? { ...markDone(l, 'purge'), notice: { tone: 'info', text: purgeText().doneGoOn } } : markDone(l, 'purge');
      return { ...l, notice: { tone: r.aborted ? 'warn' : 'error', text: r.aborted ? purgeText().purgeStoppedBack : purgeText().purgeIncomplete(r.failures[0] ?? purgeText().seeAbove) } };
    }
    if (action.type === 'failed') return { ...logged(put(state, { run: { status: 'failed', token: action.token, error: action.error } }), purgeText().purgeFailedLog(shown, action.error), action.atMs), notice: { tone: 'error', text: action.error } };
    if (action.type === 'aborted') {
      const s = put(state, { run: { status: 'aborted', token: action.token } });
      return { ...logged(s, purgeText().purgeStoppedLog(shown), action.atMs), notice: { tone: 'warn', text: purgeText().purgeStopped } };
    }
  }
  if (action.kind === 'truncatePlan' && matching(p.truncatePlan, action.token)) {
    if (action.type === 'done') return put(state, { truncatePlan: { status: 'done', token: action.token, value: action.value } });
    if (action.type === 'failed') return put(state, { truncatePlan: { status: 'failed', token: action.token, error: action.error } });
  }
  if (action.kind === 'truncateExecute' && matching(p.truncateRun, action.token)) {
    if (action.type === 'done') {
      const r = action.value;
      const s = put(state, { truncateRun: { status: 'done', token: action.token, value: r } });
      const text = purgeText().truncateLog(shown, r.ok, fmtBytes(r.sizeBefore), fmtBytes(r.sizeAfter), r.message ?? '');
      const l = logged(s, text, action.atMs);
      if (r.ok && p.then) return { ...markDone(l, 'purge'), notice: { tone: 'info', text: purgeText().doneGoOn } };
      return r.ok ? markDone(l, 'purge') : l;
    }
    if (action.type === 'failed') return { ...put(state, { truncateRun: { status: 'failed', token: action.token, error: action.error } }), notice: { tone: 'error', text: action.error } };
  }
  return undefined;
}
