import type { Command } from '../../keys.js';
import type { MaillogLook, MaillogPass, MaillogProgress } from '../../ports/maillog.js';
import type { RequestSpec, ResultAction } from '../../walk/requests.js';
import { ask, askStop, matching, running, stopping } from '../../walk/tasks.js';
import type { Nav, StepId, Task, WalkState } from '../../walk/types.js';
import { back } from '../../walk/navigate.js';

// Step "Why" (reached from Disks and Hotspots, offered for a mail log): the first look at once,
// then the full pass with progress; the operator moves over the days or the most retried queue
// IDs and opens one for its detail. Esc or h goes back (from a detail to the list, then to the
// step it came from).

// What the Why screen holds.
export interface WhyState {
  /** Logs to read (host paths); empty = the system's. */
  files: string[];
  /** Step to go back to. */
  from: StepId;
  look: Task<MaillogLook>;
  pass: Task<MaillogPass, MaillogProgress>;
  list: 'days' | 'ids';
  cursor: number;
  /** The opened day ("2026-12-26") or queue ID, or null for the overview. */
  detail: { kind: 'day' | 'id'; key: string } | null;
}

declare module '../../walk/types.js' {
  interface StepStates {
    why: WhyState;
  }
}
declare module '../../walk/requests.js' {
  interface RequestMap {
    maillogLook: RequestSpec<{ files: string[]; width: number }, MaillogLook>;
    maillogPass: RequestSpec<{ files: string[] }, MaillogPass, MaillogProgress>;
  }
}
declare module '../../keys.js' {
  interface StepCommands {
    whyDays: true;
    whyIds: true;
  }
}

// The state before the step is first entered.
export const initialWhy: WhyState = { files: [], from: 'disks', look: { status: 'idle' }, pass: { status: 'idle' }, list: 'days', cursor: 0, detail: null };

const put = (s: WalkState, w: Partial<WhyState>): WalkState => ({ ...s, why: { ...s.why, ...w } });

function start(state: WalkState): WalkState {
  const [s, token] = ask(state, { kind: 'maillogLook', files: state.why.files, width: Math.max(60, state.columns - 2) });
  return put(s, { look: running(token), pass: { status: 'idle' }, detail: null, cursor: 0 });
}

// Entering the step for some logs (the nav's files; none = the system's), remembering where to
// go back; the logs are looked at again unless it was done for the same files.
export function enterWhy(state: WalkState, nav: Nav): WalkState {
  const files = Array.isArray(nav.params?.files) ? (nav.params.files as string[]) : [];
  const from = nav.from ?? state.why.from;
  const same = files.join('\0') === state.why.files.join('\0') && state.why.look.status !== 'idle';
  return same ? put(state, { from }) : start(put(state, { files, from }));
}

function rowsOf(state: WalkState): number {
  const p = state.why.pass;
  if (p.status !== 'done') return 0;
  return state.why.list === 'days' ? p.value.report.days.length : p.value.report.topRetried.length;
}

function keyAt(state: WalkState): { kind: 'day' | 'id'; key: string } | null {
  const p = state.why.pass;
  if (p.status !== 'done') return null;
  const r = p.value.report;
  if (state.why.list === 'days') return r.days[state.why.cursor] ? { kind: 'day', key: r.days[state.why.cursor].day } : null;
  return r.topRetried[state.why.cursor] ? { kind: 'id', key: r.topRetried[state.why.cursor].queue_id } : null;
}

// Keys on the Why screen.
export function whyCommand(state: WalkState, command: Command): WalkState | undefined {
  const w = state.why;
  if (command === 'cancel' && w.pass.status === 'running') return put(askStop(state, w.pass), { pass: stopping(w.pass) });
  if (command === 'back' || command === 'cancel') {
    if (w.detail) return put(state, { detail: null });
    return back(state, w.from);
  }
  if (command === 'refresh') return start(state);
  if (command === 'whyDays' || command === 'whyIds') return put(state, { list: command === 'whyDays' ? 'days' : 'ids', cursor: 0, detail: null });
  if (command === 'open') {
    const k = keyAt(state);
    return k ? put(state, { detail: k }) : state;
  }
  const n = rowsOf(state);
  if (command === 'up') return put(state, { cursor: Math.max(0, w.cursor - 1) });
  if (command === 'down') return put(state, { cursor: Math.max(0, Math.min(n - 1, w.cursor + 1)) });
  if (command === 'home') return put(state, { cursor: 0 });
  if (command === 'end') return put(state, { cursor: Math.max(0, n - 1) });
  return undefined;
}

// Answers for the Why step's requests; undefined when the action is not one of them.
export function whyResult(state: WalkState, a: ResultAction): WalkState | undefined {
  const w = state.why;
  if (a.kind === 'maillogLook') {
    if (!matching(w.look, a.token)) return state;
    if (a.type === 'done') {
      const s = put(state, { look: { status: 'done', token: a.token, value: a.value } });
      if (a.value.refused) return { ...s, notice: { tone: 'warn', text: a.value.refused.hint ?? a.value.refused.reason } };
      const [t, token] = ask(s, { kind: 'maillogPass', files: a.value.files });
      return put(t, { pass: running(token) });
    }
    if (a.type === 'failed') return put(state, { look: { status: 'failed', token: a.token, error: a.error } });
    if (a.type === 'aborted') return put(state, { look: { status: 'aborted', token: a.token } });
    return state;
  }
  if (a.kind === 'maillogPass') {
    if (!matching(w.pass, a.token)) return state;
    if (a.type === 'progress') return w.pass.status === 'running' ? put(state, { pass: { ...w.pass, progress: a.progress } }) : state;
    if (a.type === 'done') return put({ ...state, marks: { ...state.marks, why: 'done' } }, { pass: { status: 'done', token: a.token, value: a.value } });
    if (a.type === 'failed') return put(state, { pass: { status: 'failed', token: a.token, error: a.error } });
    return put(state, { pass: { status: 'aborted', token: a.token } });
  }
  return undefined;
}
