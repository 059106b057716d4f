import type { Command } from '../../keys.js';
import type { MaillogLook, MaillogPass, MaillogProgress, MaillogRecorded, MaillogRecordRequest } from '../../ports/maillog.js';
import type { RequestSpec, ResultAction } from '../../walk/requests.js';
import { ask, askStop, isRunning, matching, running, stopping } from '../../walk/tasks.js';
import type { Nav, StepId, Task, WalkState } from '../../walk/types.js';
import { back, go, logged } from '../../walk/navigate.js';
import { whyText } from './messages.js';

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
  /** The analysis appended to the walk's incident file (the section prevention reads). */
  recorded: Task<MaillogRecorded>;
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
    maillogRecord: RequestSpec<MaillogRecordRequest, MaillogRecorded>;
  }
}
declare module '../../keys.js' {
  interface StepCommands {
    whyDays: true;
    whyIds: true;
    whyRecord: true;
  }
}

// The state before the step is first entered.
export const initialWhy: WhyState = { files: [], from: 'disks', look: { status: 'idle' }, pass: { status: 'idle' }, list: 'days', cursor: 0, detail: null, recorded: { status: 'idle' } };

const put = (s: WalkState, w: Partial<WhyState>): WalkState => ({ ...s, why: { ...s.why, ...w } });

function start(state: WalkState): WalkState {
  const [s, token] = ask(state, { kind: 'maillogLook', files: state.why.files, width: Math.max(60, state.columns - 2) });
  return put(s, { look: running(token), pass: { status: 'idle' }, detail: null, cursor: 0, recorded: { status: 'idle' } });
}

// Entering the step for some logs (the nav's files; none = the system's), remembering where to
// go back; the logs are looked at again unless it was done for the same files.
export function enterWhy(state: WalkState, nav: Nav): WalkState {
  const files = Array.isArray(nav.params?.files) ? (nav.params.files as string[]) : [];
  const from = nav.from ?? state.why.from;
  const same = files.join('\0') === state.why.files.join('\0') && state.why.look.status !== 'idle';
  return same ? recordOnce(put(state, { from })) : start(put(state, { files, from }));
}

// What the screen says when the analysis has no incident file to go to yet.

// Appends the finished analysis to the walk's incident file (the one Evidence chose), through
// the same op as `maillog --incident`; a destination picked knowingly from the full list is forced.
function askRecord(state: WalkState, pass: MaillogPass): WalkState {
  const file = state.incidentFile;
  if (!file) return state;
  const d = state.evidence.destination;
  const force = d !== null && d.file === file && (!d.ok || d.troubled);
  const [s, token] = ask(state, { kind: 'maillogRecord', incidentFile: file, force, pass });
  return put(s, { recorded: running(token) });
}

// The finished pass not yet in the current incident file: record it (once per file).
function recordOnce(state: WalkState): WalkState {
  const w = state.why;
  if (w.pass.status !== 'done' || !state.incidentFile || isRunning(w.recorded)) return state;
  if (w.recorded.status === 'done' && w.recorded.value.ok && w.recorded.value.incidentFile === state.incidentFile) return state;
  return askRecord(state, w.pass.value);
}

// e on the Why screen: record now, or go choose where the incident file goes.
function recordCommand(state: WalkState): WalkState {
  const w = state.why;
  if (w.pass.status !== 'done') return { ...state, notice: { tone: 'info', text: whyText().passNotDone } };
  if (!state.incidentFile) return { ...go(state, 'evidence'), notice: { tone: 'info', text: whyText().chooseFile } };
  if (w.recorded.status === 'done' && w.recorded.value.ok && w.recorded.value.incidentFile === state.incidentFile) return { ...state, notice: { tone: 'info', text: whyText().alreadyRecorded(state.incidentFile) } };
  return recordOnce(state);
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
  if (command === 'whyRecord') return recordCommand(state);
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
    if (a.type === 'done') {
      const s = put({ ...state, marks: { ...state.marks, why: 'done' } }, { pass: { status: 'done', token: a.token, value: a.value } });
      return state.incidentFile ? recordOnce(s) : { ...s, notice: { tone: 'info', text: whyText().notRecorded } };
    }
    if (a.type === 'failed') return put(state, { pass: { status: 'failed', token: a.token, error: a.error } });
    return put(state, { pass: { status: 'aborted', token: a.token } });
  }
  if (a.kind === 'maillogRecord') {
    if (!matching(w.recorded, a.token)) return state;
    if (a.type === 'failed') return { ...put(state, { recorded: { status: 'failed', token: a.token, error: a.error } }), notice: { tone: 'error', text: whyText().recordFailed(a.error) } };
    if (a.type !== 'done') return put(state, { recorded: { status: 'idle' } });
    const r = a.value;
    const s = put(state, { recorded: { status: 'done', token: a.token, value: r } });
    if (!r.ok) return { ...s, notice: { tone: 'error', text: whyText().recordFailedIn(r.incidentFile, r.message ?? whyText().writeFailed) } };
    const text = whyText().recordedIn(r.incidentFile);
    return { ...logged(s, text, a.atMs), notice: { tone: r.warnings.length ? 'warn' : 'info', text: r.warnings.length ? `${text} (${r.warnings.join('; ')})` : text } };
  }
  return undefined;
}
