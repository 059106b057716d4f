import type { Command } from '../../keys.js';
import { freedRows, summaryMarkdown } from '../../incident-markdown.js';
import { moveCursor } from '../../walk/cursor.js';
import type { DfReport, FixApplied, FixReview, PreventionReport, RecordResult } from '../../ports/index.js';
import type { RequestSpec, ResultAction } from '../../walk/requests.js';
import { ask, isRunning, matching, running } from '../../walk/tasks.js';
import type { Task, WalkState } from '../../walk/types.js';
import { logged, markDone } from '../../walk/navigate.js';
import { summaryText } from './messages.js';
import { findingWords } from '../../../core/prevent/finding-words.js';

// Step 6, Summary: what was freed per filesystem (before/after), the incident file, and the
// prevention findings of this host. A finding's fix is reviewed (diff and commands), confirmed by
// typing its code, applied, then the findings are read again (the check that it is gone). The
// summary and the closing section (timeline) are appended to the incident file.

// The Summary step's slice: the "after" disks, the prevention checks, and what was recorded.
export interface SummaryState {
  after: Task<DfReport>;
  prevention: Task<PreventionReport>;
  /** The finding under the cursor. */
  cursor: number;
  /** The fix of one finding, as reviewed before the typed confirmation. */
  review: Task<FixReview>;
  applied: Task<FixApplied>;
  /** Ids fixed during the walk, for the closing section. */
  fixed: string[];
  recorded: Task<RecordResult>;
  /** The closing section (timeline, fixes, open findings) appended after the summary. */
  closing: Task<RecordResult>;
  /** Log entries already written to the incident file by a summary section. */
  recordedUpTo: number;
}

declare module '../../walk/types.js' {
  interface StepStates {
    summary: SummaryState;
  }
}
declare module '../../walk/requests.js' {
  interface RequestMap {
    prevention: RequestSpec<{ incidentFile?: string }, PreventionReport>;
    preventPlan: RequestSpec<{ id: string; forwardRootTo?: string }, FixReview>;
    preventApply: RequestSpec<{ review: FixReview; incidentFile?: string }, FixApplied>;
    closing: RequestSpec<{ file: string; fixed: string[] }, RecordResult>;
  }
}

// The slice before the step is entered.
export const initialSummary: SummaryState = { after: { status: 'idle' }, prevention: { status: 'idle' }, cursor: 0, review: { status: 'idle' }, applied: { status: 'idle' }, fixed: [], recorded: { status: 'idle' }, recordedUpTo: 0, closing: { status: 'idle' } };

const put = (s: WalkState, p: Partial<SummaryState>): WalkState => ({ ...s, summary: { ...s.summary, ...p } });
const idle = { status: 'idle' as const };

function readFindings(state: WalkState): WalkState {
  if (isRunning(state.summary.prevention)) return state;
  const [s, token] = ask(state, { kind: 'prevention', incidentFile: state.incidentFile ?? undefined });
  return put(s, { prevention: running(token) });
}

function reload(state: WalkState): WalkState {
  let s = state;
  if (!isRunning(s.summary.after)) {
    const [a, token] = ask(s, { kind: 'loadDisks', purpose: 'summary' });
    s = put(a, { after: running(token) });
  }
  return readFindings(s);
}

// Entering the summary reads the disks again (the "after") and the prevention findings.
export function enterSummary(state: WalkState): WalkState {
  return reload(state);
}

// Writes the summary into the incident file when both reads are in and there is news to record.
function maybeRecord(state: WalkState): WalkState {
  const sum = state.summary;
  const settled = (t: { status: string }) => t.status === 'done' || t.status === 'failed';
  if (!state.incidentFile || !settled(sum.after) || !settled(sum.prevention) || isRunning(sum.recorded)) return state;
  if (sum.recordedUpTo === state.log.length && sum.recorded.status === 'done') return state;
  const before = state.disks.initial;
  const after = sum.after.status === 'done' ? sum.after.value : null;
  const rows = before && after ? freedRows(before, after) : [];
  const prevention = sum.prevention.status === 'done' ? sum.prevention.value : null;
  const [s, token] = ask(state, { kind: 'record', file: state.incidentFile, title: summaryText().recordTitle, markdown: summaryMarkdown(rows, state.log, prevention), purpose: 'summary' });
  return put(s, { recorded: running(token), recordedUpTo: state.log.length });
}

// The code the operator types to confirm a fix (ids like cron-mailto-root@/etc/crontab: the code).
function fixConfirmWord(id: string): string {
  return id.split('@')[0];
}

function openFinding(state: WalkState): WalkState {
  const sum = state.summary;
  if (isRunning(sum.review) || isRunning(sum.applied)) return state;
  if (sum.review.status === 'done' && !sum.review.value.refusal) {
    const word = fixConfirmWord(sum.review.value.id);
    return { ...state, input: { purpose: 'confirm-prevent', prompt: summaryText().confirmFix(word), buffer: '', expected: word, edits: true } };
  }
  const f = sum.prevention.status === 'done' ? sum.prevention.value.findings[sum.cursor] : undefined;
  if (!f) return { ...state, notice: { tone: 'info', text: summaryText().noFinding } };
  if (!f.fixable) return { ...state, notice: { tone: 'info', text: summaryText().adviceOnly(f.id, findingWords(f).fix) } };
  if (f.code === 'root-mail-stays-local') return { ...state, input: { purpose: 'forward-root-to', prompt: summaryText().forwardPrompt, buffer: '' } };
  return planFor(state, f.id);
}

function planFor(state: WalkState, id: string, forwardRootTo?: string): WalkState {
  const [s, token] = ask(state, { kind: 'preventPlan', id, forwardRootTo });
  return put(s, { review: running(token), applied: idle });
}

// The address typed for root-mail-stays-local: plan the fix with it.
export function forwardTyped(state: WalkState, typed: string): WalkState {
  const f = state.summary.prevention.status === 'done' ? state.summary.prevention.value.findings[state.summary.cursor] : undefined;
  if (!f || typed.trim() === '') return { ...state, notice: { tone: 'info', text: summaryText().cancelled } };
  return planFor(state, f.id, typed.trim());
}

// The typed confirmation of a fix: exactly the code applies the reviewed change; anything else cancels.
export function preventConfirmed(state: WalkState, typed: string, expected: string): WalkState {
  if (typed !== expected) {
    const t = summaryText();
    return { ...state, notice: { tone: 'info', text: typed === '' ? t.cancelled : t.cancelledTyped(typed, expected) } };
  }
  const r = state.summary.review;
  if (r.status !== 'done') return state;
  const [s, token] = ask(state, { kind: 'preventApply', review: r.value, incidentFile: state.incidentFile ?? undefined });
  return put(s, { applied: running(token) });
}

// Keys on the Summary screen.
export function summaryCommand(state: WalkState, command: Command): WalkState | undefined {
  const sum = state.summary;
  if (command === 'refresh') return reload(state);
  if (command === 'open') return openFinding(state);
  if (command === 'cancel' && (sum.review.status !== 'idle' || sum.applied.status !== 'idle') && !isRunning(sum.applied)) {
    return { ...put(state, { review: idle, applied: idle }), notice: { tone: 'info', text: summaryText().reviewClosed } };
  }
  const count = sum.prevention.status === 'done' ? sum.prevention.value.findings.length : 0;
  const moved = moveCursor(sum.cursor, command, count, 5);
  if (moved !== undefined && !isRunning(sum.applied)) return put(state, { cursor: moved, review: idle, applied: idle });
  return undefined;
}

function afterRecorded(state: WalkState): WalkState {
  if (!state.incidentFile || state.summary.closing.status !== 'idle') return state;
  const [s, token] = ask(state, { kind: 'closing', file: state.incidentFile, fixed: state.summary.fixed });
  return put(s, { closing: running(token) });
}

// Results for the Summary screen.
export function summaryResult(state: WalkState, action: ResultAction): WalkState | undefined {
  const sum = state.summary;
  if (action.kind === 'loadDisks' && matching(sum.after, action.token)) {
    if (action.type === 'done') return maybeRecord(markDone(put(state, { after: { status: 'done', token: action.token, value: action.value } }), 'summary'));
    if (action.type === 'failed') return maybeRecord(put(state, { after: { status: 'failed', token: action.token, error: action.error } }));
  }
  if (action.kind === 'prevention' && matching(sum.prevention, action.token)) {
    if (action.type === 'done') {
      const cursor = Math.min(sum.cursor, Math.max(0, action.value.findings.length - 1));
      return maybeRecord(put(state, { prevention: { status: 'done', token: action.token, value: action.value }, cursor }));
    }
    if (action.type === 'failed') return maybeRecord(put(state, { prevention: { status: 'failed', token: action.token, error: action.error } }));
  }
  if (action.kind === 'preventPlan' && matching(sum.review, action.token)) {
    if (action.type === 'done') {
      const s = put(state, { review: { status: 'done', token: action.token, value: action.value } });
      return action.value.refusal ? { ...s, notice: { tone: 'warn', text: summaryText().notApplied(action.value.refusal) } } : s;
    }
    if (action.type === 'failed') return { ...put(state, { review: { status: 'failed', token: action.token, error: action.error } }), notice: { tone: 'error', text: action.error } };
  }
  if (action.kind === 'preventApply' && matching(sum.applied, action.token)) {
    if (action.type === 'done') {
      const r = action.value;
      const s = put(state, { applied: { status: 'done', token: action.token, value: r }, review: idle, fixed: r.fixed ? [...sum.fixed, r.id] : sum.fixed });
      const l = logged(s, summaryText().preventionLog(r.id, r.fixed ? 'fixed' : r.ok ? 'applied' : 'FAILED'), action.atMs);
      return readFindings(r.ok ? l : { ...l, notice: { tone: 'error', text: r.lines.find((x) => /FAILED|STILL/.test(x)) ?? summaryText().fixFailed(r.id) } });
    }
    if (action.type === 'failed') return { ...put(state, { applied: { status: 'failed', token: action.token, error: action.error } }), notice: { tone: 'error', text: action.error } };
  }
  if (action.kind === 'closing' && matching(sum.closing, action.token)) {
    if (action.type === 'done') return put(state, { closing: { status: 'done', token: action.token, value: action.value } });
    if (action.type === 'failed') return { ...put(state, { closing: { status: 'failed', token: action.token, error: action.error } }), notice: { tone: 'error', text: action.error } };
  }
  if (action.kind === 'record' && matching(sum.recorded, action.token)) {
    if (action.type === 'failed') return { ...put(state, { recorded: { status: 'failed', token: action.token, error: action.error } }), notice: { tone: 'error', text: action.error } };
    if (action.type !== 'done') return undefined;
    const r = action.value;
    const s = put(state, { recorded: { status: 'done', token: action.token, value: r } });
    if (!r.ok) return { ...s, notice: { tone: 'error', text: r.message ?? summaryText().writeFailed(r.incidentFile) } };
    return afterRecorded({ ...logged(s, summaryText().appendedLog(r.incidentFile), action.atMs), summary: { ...s.summary, recordedUpTo: s.log.length + 1 } });
  }
  return undefined;
}
