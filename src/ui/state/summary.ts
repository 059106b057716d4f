import type { Command } from '../keys.js';
import { freedRows, summaryMarkdown } from '../incident-markdown.js';
import type { ResultAction } from './requests.js';
import { ask, isRunning, matching, running } from './tasks.js';
import type { SummaryState, WalkState } from './types.js';
import { logged, markDone } from './walk.js';

// Step 6, Summary: what was freed per filesystem (before/after), the incident file, and what
// stops it happening again. Appended to the incident file once its figures are in.

const put = (s: WalkState, p: Partial<SummaryState>): WalkState => ({ ...s, summary: { ...s.summary, ...p } });

function reload(state: WalkState): WalkState {
  let s = state;
  if (!isRunning(s.summary.after)) {
    const [a, token] = ask(s, { kind: 'loadDisks', purpose: 'summary' });
    s = put(a, { after: running(token) });
  }
  if (!isRunning(s.summary.prevention)) {
    const [b, token] = ask(s, { kind: 'prevention' });
    s = put(b, { prevention: running(token) });
  }
  return s;
}

// Entering the summary reads the disks again (the "after") and the prevention checks.
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
  const [s, token] = ask(state, { kind: 'record', file: state.incidentFile, title: 'Summary of the walk', markdown: summaryMarkdown(rows, state.log, prevention), purpose: 'summary' });
  return put(s, { recorded: running(token), recordedUpTo: state.log.length });
}

// Keys on the Summary screen.
export function summaryCommand(state: WalkState, command: Command): WalkState | undefined {
  if (command === 'refresh') return reload(state);
  return undefined;
}

// Results for the Summary screen.
export function summaryResult(state: WalkState, action: ResultAction): WalkState | undefined {
  const sum = state.summary;
  if (action.kind === 'loadDisks' && matching(sum.after, action.token)) {
    if (action.type === 'done') return maybeRecord(markDone(put(state, { after: { status: 'done', token: action.token, value: action.value } }), 'summary'));
    if (action.type === 'failed') return maybeRecord(put(state, { after: { status: 'failed', token: action.token, error: action.error } }));
  }
  if (action.kind === 'prevention' && matching(sum.prevention, action.token)) {
    if (action.type === 'done') return maybeRecord(put(state, { prevention: { status: 'done', token: action.token, value: action.value } }));
    if (action.type === 'failed') return maybeRecord(put(state, { prevention: { status: 'failed', token: action.token, error: action.error } }));
  }
  if (action.kind === 'record' && matching(sum.recorded, action.token)) {
    if (action.type === 'failed') return { ...put(state, { recorded: { status: 'failed', token: action.token, error: action.error } }), notice: { tone: 'error', text: action.error } };
    if (action.type !== 'done') return undefined;
    const r = action.value;
    const s = put(state, { recorded: { status: 'done', token: action.token, value: r } });
    if (!r.ok) return { ...s, notice: { tone: 'error', text: r.message ?? `Writing ${r.incidentFile} failed.` } };
    return { ...logged(s, `Summary appended to ${r.incidentFile}`, action.atMs), summary: { ...s.summary, recordedUpTo: s.log.length + 1 } };
  }
  return undefined;
}
