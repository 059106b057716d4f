import { GROUP_KEYS, type GroupKey } from '../../../core/queue/keys.js';
import type { Command } from '../../keys.js';
import { fmtBytes, fmtCount } from '../../../core/text/units.js';
import { QUEUE_STEP_ACTIONS, type QueueActionProgress, type QueueActResult, type QueueReview, type QueueReviewRequest, type QueueScanProgress, type QueueShape, type QueueStepAction } from '../../ports/queue.js';
import { parseSelectionLine } from '../../../core/queue/selection-line.js';
import { queueStepText } from './messages.js';
import type { RequestSpec, ResultAction } from '../../walk/requests.js';
import { ask, askStop, isRunning, matching, running, stopping } from '../../walk/tasks.js';
import type { Nav, StepId, Task, WalkState } from '../../walk/types.js';
import { back, logged, markDone } from '../../walk/navigate.js';

// Step "Queue" (opened with t from Disks, Hotspots, Look inside and Purge): the queue read
// once with progress (Esc stops it, what was read stays), shown as a qshape table by a key the
// operator cycles (b), with the verdicts; Space marks rows, x picks the action (hold, delete,
// release, requeue), Enter reviews what it would touch on the marked rows (or the row under the
// cursor), Enter again asks for the typed confirmation, then the op acts.

// What the Queue screen holds.
export interface QueueState {
  from: StepId;
  by: GroupKey;
  scan: Task<QueueShape, QueueScanProgress>;
  cursor: number;
  /** Row keys marked with Space (the review takes them all; none: the row under the cursor). */
  marked: string[];
  /** The selection last typed after m (FIELD=GLOB ... older-than=DUR), offered again by m. */
  line: string;
  /** Why the typed line is not a selection (shown above the table until a good one is typed). */
  lineError: string;
  /** The review is of the typed line, not of rows. */
  byMatch: boolean;
  /** The table, or the review of the chosen rows (and the action's outcome). */
  view: 'table' | 'review';
  action: QueueStepAction;
  review: Task<QueueReview, QueueScanProgress>;
  run: Task<QueueActResult, QueueActionProgress>;
}

declare module '../../walk/types.js' {
  interface StepStates {
    queue: QueueState;
  }
}
declare module '../../walk/requests.js' {
  interface RequestMap {
    queueScan: RequestSpec<{ by: GroupKey }, QueueShape, QueueScanProgress>;
    queueReview: RequestSpec<QueueReviewRequest, QueueReview, QueueScanProgress>;
    queueAct: RequestSpec<{ review: QueueReview; incidentFile?: string }, QueueActResult, QueueActionProgress>;
  }
}
declare module '../../keys.js' {
  interface StepCommands {
    queueBy: true;
    queueAction: true;
    queueMark: true;
    queueMatch: true;
  }
}

const idle = { status: 'idle' } as const;

// The state before the step is first opened.
export const initialQueue: QueueState = { from: 'disks', by: 'domain', scan: idle, cursor: 0, marked: [], line: '', lineError: '', byMatch: false, view: 'table', action: 'hold', review: idle, run: idle };

const put = (s: WalkState, q: Partial<QueueState>): WalkState => ({ ...s, queue: { ...s.queue, ...q } });

function startScan(state: WalkState, by: GroupKey): WalkState {
  const stopped = state.queue.scan.status === 'running' ? askStop(state, state.queue.scan) : state;
  const [s, token] = ask(stopped, { kind: 'queueScan', by });
  return put(s, { by, scan: running(token), cursor: 0, marked: [], view: 'table', review: idle, run: idle });
}

// Reviews rows (keys) or, with no keys, the typed selection line.
function startReview(state: WalkState, keys: string[], action: QueueStepAction, line?: string): WalkState {
  const [s, token] = ask(state, { kind: 'queueReview', by: state.queue.by, keys, action, ...(line === undefined ? {} : { line }) });
  return put(s, { view: 'review', action, review: running(token), run: idle, byMatch: line !== undefined });
}

// The action after this one in the order x offers.
export function nextAction(a: QueueStepAction): QueueStepAction {
  return QUEUE_STEP_ACTIONS[(QUEUE_STEP_ACTIONS.indexOf(a) + 1) % QUEUE_STEP_ACTIONS.length];
}

// Opening the step: the queue is read the first time (and kept when coming back).
export function enterQueue(state: WalkState, nav: Nav): WalkState {
  const s = put(state, { from: nav.from ?? state.queue.from });
  return s.queue.scan.status === 'idle' ? startScan(s, s.queue.by) : s;
}

// The key after this one in the order `--by` offers.
export function nextKey(by: GroupKey): GroupKey {
  return GROUP_KEYS[(GROUP_KEYS.indexOf(by) + 1) % GROUP_KEYS.length];
}

function rowKeyAt(state: WalkState): string | null {
  const sc = state.queue.scan;
  return sc.status === 'done' ? (sc.value.scan.rows[state.queue.cursor]?.key ?? null) : null;
}

// The words the operator types to confirm: the action and the count, as the CLI asks.
function confirmationText(r: QueueReview): string {
  return `${r.action} ${r.count}`;
}

function askConfirmation(state: WalkState): WalkState {
  const q = state.queue;
  const t = queueStepText();
  if (q.review.status !== 'done') return { ...state, notice: { tone: 'warn', text: t.reviewNotReady } };
  const r = q.review.value;
  if (r.refusal) return { ...state, notice: { tone: 'warn', text: t.refused(r.refusal) } };
  if (q.run.status !== 'idle') return state;
  const word = confirmationText(r);
  const what = r.keys.length <= 1 ? r.match : t.rowsBy(fmtCount(r.keys.length), r.by);
  return { ...state, input: { purpose: 'confirm-queue', prompt: t.confirmPrompt(word, t.action(r.action), fmtCount(r.count), what), buffer: '', expected: word, danger: true } };
}

// The typed confirmation: exactly the words run the action; anything else (or nothing) cancels.
export function queueConfirmed(state: WalkState, typed: string, expected: string): WalkState {
  if (typed !== expected) {
    const t = queueStepText();
    return { ...state, notice: { tone: 'info', text: typed === '' ? t.cancelled : t.cancelledTyped(typed, expected) } };
  }
  const q = state.queue;
  if (q.review.status !== 'done' || q.run.status !== 'idle') return state;
  const [s, token] = ask(state, { kind: 'queueAct', review: q.review.value, incidentFile: state.incidentFile ?? undefined });
  return put(s, { run: running(token) });
}

// The line typed after m: parsed here to say at once what is wrong (the port parses it again
// with the same parser); a good line is reviewed as rows are, nothing typed cancels.
export function queueMatchTyped(state: WalkState, typed: string): WalkState {
  const t = queueStepText();
  if (!typed.trim()) return { ...state, notice: { tone: 'info', text: t.matchCancelled } };
  const s = put(state, { line: typed.trim(), lineError: '' });
  try {
    parseSelectionLine(typed);
  } catch (e) {
    return put(s, { lineError: (e as Error).message });
  }
  return startReview(s, [], state.queue.action, typed.trim());
}

function askMatch(state: WalkState): WalkState {
  const t = queueStepText();
  return { ...state, input: { purpose: 'queue-match', prompt: t.matchPrompt, buffer: state.queue.line } };
}

// True while the action runs (quitting asks first).
export function destroyingQueue(state: WalkState): boolean {
  return isRunning(state.queue.run);
}

// Keys on the Queue screen.
export function queueCommand(state: WalkState, command: Command): WalkState | undefined {
  const q = state.queue;
  if (command === 'cancel') {
    if (q.run.status === 'running') return put(askStop(state, q.run), { run: stopping(q.run) });
    if (q.review.status === 'running') return put(askStop(state, q.review), { review: stopping(q.review) });
    if (q.scan.status === 'running') return put(askStop(state, q.scan), { scan: stopping(q.scan) });
    if (q.view === 'review') return put(state, { view: 'table', review: idle, run: idle });
    return back(state, q.from);
  }
  if (isRunning(q.run)) return state;
  if (command === 'refresh') return startScan(state, q.by);
  if (command === 'queueBy') return startScan(state, nextKey(q.by));
  if (q.view === 'review') {
    if (command === 'queueAction') {
      if (q.run.status !== 'idle' || q.review.status !== 'done') return state;
      const keys = q.review.value.keys;
      return startReview(state, keys, nextAction(q.action), keys.length ? undefined : q.line);
    }
    if (command === 'open') return q.run.status === 'idle' ? askConfirmation(state) : startScan(state, q.by);
    return command === 'up' || command === 'down' || command === 'home' || command === 'end' || command === 'queueMark' ? state : undefined;
  }
  const n = q.scan.status === 'done' ? q.scan.value.scan.rows.length : 0;
  if (command === 'queueMatch') return askMatch(state);
  if (command === 'queueAction') return put(state, { action: nextAction(q.action) });
  if (command === 'queueMark') {
    const key = rowKeyAt(state);
    if (key === null) return state;
    const marked = q.marked.includes(key) ? q.marked.filter((k) => k !== key) : [...q.marked, key];
    return put(state, { marked, cursor: Math.min(Math.max(0, n - 1), q.cursor + 1) });
  }
  if (command === 'open') {
    const key = rowKeyAt(state);
    const keys = q.marked.length ? q.marked : key === null ? [] : [key];
    return keys.length ? startReview(state, keys, q.action) : state;
  }
  if (command === 'up') return put(state, { cursor: Math.max(0, q.cursor - 1) });
  if (command === 'down') return put(state, { cursor: Math.max(0, Math.min(n - 1, q.cursor + 1)) });
  if (command === 'home') return put(state, { cursor: 0 });
  if (command === 'end') return put(state, { cursor: Math.max(0, n - 1) });
  return undefined;
}

function settle<T, P>(task: Task<T, P>, a: ResultAction, value: (v: unknown) => T): Task<T, P> | null {
  if (!matching(task, a.token) || task.status !== 'running') return null;
  if (a.type === 'progress') return { ...task, progress: a.progress as P };
  if (a.type === 'done') return { status: 'done', token: a.token, value: value(a.value) };
  if (a.type === 'failed') return { status: 'failed', token: a.token, error: a.error };
  return { status: 'aborted', token: a.token };
}

// Answers for the Queue step's requests; undefined when the action is not one of them.
export function queueResult(state: WalkState, a: ResultAction): WalkState | undefined {
  const q = state.queue;
  if (a.kind === 'queueScan') {
    const t = settle(q.scan, a, (v) => v as QueueShape);
    return t ? put(state, { scan: t }) : state;
  }
  if (a.kind === 'queueReview') {
    const t = settle(q.review, a, (v) => v as QueueReview);
    return t ? put(state, { review: t }) : state;
  }
  if (a.kind === 'queueAct') {
    const t = settle(q.run, a, (v) => v as QueueActResult);
    if (!t) return state;
    // the marks were for the rows just acted on
    const s = put(state, { run: t, marked: a.type === 'done' ? [] : q.marked });
    const m = queueStepText();
    const what = q.review.status === 'done' ? m.actionOf(m.action(q.review.value.action), q.review.value.match) : m.queueAction;
    if (a.type === 'done') {
      const r = a.value as QueueActResult;
      const l = logged(s, m.actedLog(what, r.ok ? 'done' : r.aborted ? 'stopped' : 'INCOMPLETE', fmtCount(r.done), fmtCount(r.selected), r.bytesFreed ? fmtBytes(r.bytesFreed) : ''), a.atMs);
      return r.ok ? markDone(l, 'queue') : { ...l, notice: { tone: r.aborted ? 'warn' : 'error', text: r.lines[0] ?? m.notFinished } };
    }
    if (a.type === 'failed') return { ...logged(s, m.failedLog(what, a.error), a.atMs), notice: { tone: 'error', text: a.error } };
    if (a.type === 'aborted') return { ...logged(s, m.stoppedLog(what), a.atMs), notice: { tone: 'warn', text: m.stoppedIntact } };
    return s;
  }
  return undefined;
}
