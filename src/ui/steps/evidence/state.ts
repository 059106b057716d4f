import path from 'node:path';
import type { Command } from '../../keys.js';
import type { CaptureProgress, CaptureRequest, CaptureResult, Destination, DfReport, RecordResult } from '../../ports/index.js';
import { disksSnapshotMarkdown } from '../../incident-markdown.js';
import { listRows } from '../../layout.js';
import type { RequestSpec, ResultAction } from '../../walk/requests.js';
import { moveCursor } from '../../walk/cursor.js';
import { ask, isRunning, matching, running, askStop, stopping } from '../../walk/tasks.js';
import type { Target, Task, WalkState } from '../../walk/types.js';
import { go, logged, markDone } from '../../walk/navigate.js';
import { evidenceText } from './messages.js';

// Step 4, Evidence: pick where the incident file goes (never the troubled filesystem unless
// asked), then capture the first/last messages of the source and record what the walk saw.

// The Evidence step's slice: source, destinations, the chosen one, what was written, and the
// cursor of its choice list (destinations, then what to do).
export interface EvidenceState {
  source: Target | null;
  destinations: Task<Destination[]>;
  showAll: boolean;
  destination: Destination | null;
  capture: Task<CaptureResult, CaptureProgress>;
  snapshot: Task<RecordResult>;
  messages: number;
  cursor: number;
}

declare module '../../walk/types.js' {
  interface StepStates {
    evidence: EvidenceState;
  }
}
declare module '../../walk/requests.js' {
  interface RequestMap {
    destinations: RequestSpec<{ report: DfReport | null; troubled: string[]; source?: string; fileName: string }, Destination[]>;
    capture: RequestSpec<{ request: CaptureRequest }, CaptureResult, CaptureProgress>;
    /** A section the walk writes itself into the incident file (also the summary's). */
    record: RequestSpec<{ file: string; title: string; markdown: string; purpose: 'snapshot' | 'summary' }, RecordResult>;
  }
}
declare module '../../keys.js' {
  interface StepCommands {
    showAll: true;
  }
}

// Lines the Evidence screen uses around its list: source, incident file, title, results.
export const EVIDENCE_OVERHEAD = 6;

// What to do once the incident file has a place, in the order the list shows them.
export const EVIDENCE_ACTIONS = ['capture', 'snapshot', 'path', 'dest'] as const;

const idle = { status: 'idle' } as const;

// The slice before the step is entered.
export const initialEvidence: EvidenceState = { source: null, destinations: idle, showAll: false, destination: null, capture: idle, snapshot: idle, messages: 5, cursor: 0 };

// The df report the walk has (the latest, else the first).
function disksReport(state: WalkState): DfReport | null {
  return state.disks.load.status === 'done' ? state.disks.load.value : state.disks.initial;
}

// Mount points flagged full or read-only: not offered for evidence by default.
function troubledMounts(state: WalkState): string[] {
  return (disksReport(state)?.filesystems ?? []).filter((f) => f.flags.length > 0).map((f) => f.mount);
}

const put = (s: WalkState, e: Partial<EvidenceState>): WalkState => ({ ...s, evidence: { ...s.evidence, ...e } });

// What evidence is taken of: the picked path, else root's mailbox from the mail paths.
function defaultSource(state: WalkState): Target | null {
  if (state.target) return state.target;
  const m = state.hotspots.mailPaths;
  const spool = m.status === 'done' ? m.value.find((p) => p.kind === 'spool-file' && p.exists) : undefined;
  return spool ? { path: spool.path, kind: 'file', tag: spool.label } : null;
}

// Destinations the picker offers: the good ones, or all of them after "A".
export function offeredDestinations(state: WalkState): Destination[] {
  const d = state.evidence.destinations;
  if (d.status !== 'done') return [];
  return state.evidence.showAll ? d.value : d.value.filter((x) => x.ok && !x.troubled);
}

function askDestinations(state: WalkState): WalkState {
  const source = state.evidence.source?.path;
  const [s, token] = ask(state, { kind: 'destinations', report: disksReport(state), troubled: troubledMounts(state), source, fileName: state.incidentName });
  return put(s, { destinations: running(token) });
}

// The values of the choice list on screen: the offered destinations until one is chosen, then
// what to do; nothing while the list is not shown (still looking, capturing).
export function choiceValues(state: WalkState): string[] {
  const e = state.evidence;
  if (e.destinations.status !== 'done' || isRunning(e.capture)) return [];
  return e.destination ? [...EVIDENCE_ACTIONS] : offeredDestinations(state).map((d) => `dest:${d.mount}`);
}

// Entering Evidence: follow the current target and look up destinations once.
export function enterEvidence(state: WalkState): WalkState {
  const source = defaultSource(state);
  let s = put(state, { cursor: 0 });
  const moved = source !== null && source.path !== s.evidence.source?.path;
  // A new source may sit on another filesystem: the destinations are judged again.
  if (moved) s = put(s, { source, capture: { status: 'idle' } });
  if (moved || s.evidence.destinations.status === 'idle' || s.evidence.destinations.status === 'failed') s = askDestinations(s);
  return s;
}

function chooseDestination(state: WalkState, mount: string): WalkState {
  const d = state.evidence.destinations;
  const dest = d.status === 'done' ? d.value.find((x) => x.mount === mount) : undefined;
  if (!dest) return state;
  return { ...put(state, { destination: dest, cursor: 0 }), incidentFile: dest.file };
}

function startCapture(state: WalkState): WalkState {
  const e = state.evidence;
  if (!e.source) return { ...state, notice: { tone: 'warn', text: evidenceText().nothingToCapture } };
  if (!state.incidentFile || isRunning(e.capture)) return state;
  // A destination the rules hide (troubled, too full) was chosen knowingly from the full list.
  const chosen = e.destination !== null && e.destination.file === state.incidentFile && (!e.destination.ok || e.destination.troubled);
  const request = { source: e.source.path, incidentFile: state.incidentFile, messages: e.messages, ...(chosen ? { force: true } : {}) };
  const [s, token] = ask(state, { kind: 'capture', request });
  return put(s, { capture: running(token), cursor: 0 });
}

function recordSnapshot(state: WalkState): WalkState {
  const report = disksReport(state);
  if (!report) return { ...state, notice: { tone: 'warn', text: evidenceText().disksNotRead } };
  if (!state.incidentFile || isRunning(state.evidence.snapshot)) return state;
  const [s, token] = ask(state, { kind: 'record', file: state.incidentFile, title: evidenceText().snapshotTitle, markdown: disksSnapshotMarkdown(report), purpose: 'snapshot' });
  return put(s, { snapshot: running(token) });
}

// A choice of the destination picker or of the action list.
export function evidenceChosen(state: WalkState, value: string): WalkState {
  if (value.startsWith('dest:')) return chooseDestination(state, value.slice(5));
  if (value === 'capture') return startCapture(state);
  if (value === 'snapshot') return recordSnapshot(state);
  if (value === 'path') return { ...state, input: { purpose: 'incident-path', prompt: evidenceText().pathPrompt, buffer: state.incidentFile ?? '' } };
  if (value === 'dest') return put(state, { destination: null, cursor: 0 });
  return state;
}

// A typed incident file path: must be absolute (it is a path on this host, never mapped).
export function incidentPathTyped(state: WalkState, typed: string): WalkState {
  const text = typed.trim();
  if (!text) return { ...state, notice: { tone: 'info', text: evidenceText().unchanged } };
  if (!path.isAbsolute(text)) return { ...state, notice: { tone: 'warn', text: evidenceText().notAbsolute(text) } };
  return { ...state, incidentFile: path.normalize(text), notice: { tone: 'info', text: evidenceText().incidentFileIs(path.normalize(text)) } };
}

// Keys on the Evidence screen.
export function evidenceCommand(state: WalkState, command: Command): WalkState | undefined {
  const e = state.evidence;
  if (command === 'cancel' && e.capture.status === 'running') return put(askStop(state, e.capture), { capture: stopping(e.capture) });
  if (command === 'showAll') return put(state, { showAll: !e.showAll, cursor: 0 });
  if (command === 'lookInside' && e.source) return go({ ...state, target: e.source }, 'inside');
  if (command === 'purge' && e.source) return go({ ...state, target: e.source }, 'purge');
  const values = choiceValues(state);
  const moved = moveCursor(e.cursor, command, values.length, listRows(state.rows, EVIDENCE_OVERHEAD));
  if (moved !== undefined) return put(state, { cursor: moved });
  if (command === 'open' && values[e.cursor]) return evidenceChosen(state, values[e.cursor]);
  return undefined;
}

// Results for the Evidence screen.
export function evidenceResult(state: WalkState, action: ResultAction): WalkState | undefined {
  const e = state.evidence;
  if (action.kind === 'destinations' && matching(e.destinations, action.token)) {
    if (action.type === 'done') return put(state, { destinations: { status: 'done', token: action.token, value: action.value } });
    if (action.type === 'failed') return put(state, { destinations: { status: 'failed', token: action.token, error: action.error } });
  }
  if (action.kind === 'capture' && matching(e.capture, action.token) && e.capture.status === 'running') {
    if (action.type === 'progress') return put(state, { capture: { ...e.capture, progress: action.progress } });
    if (action.type === 'done') {
      const r = action.value;
      const s = put(state, { capture: { status: 'done', token: action.token, value: r } });
      const text = r.warning ? evidenceText().captureNotWritten(r.source, r.incidentFile) : evidenceText().captured(r.kind, r.source, r.incidentFile, r.sha256.slice(0, 16));
      if (r.warning) return { ...logged(s, text, action.atMs), notice: { tone: 'error', text: r.warning } };
      return { ...markDone(logged(s, text, action.atMs), 'evidence'), notice: null };
    }
    if (action.type === 'failed') return { ...put(state, { capture: { status: 'failed', token: action.token, error: action.error } }), notice: { tone: 'error', text: action.error } };
    if (action.type === 'aborted') return { ...put(state, { capture: { status: 'aborted', token: action.token } }), notice: { tone: 'info', text: evidenceText().captureStopped } };
  }
  if (action.kind === 'record' && matching(e.snapshot, action.token)) {
    if (action.type === 'failed') return { ...put(state, { snapshot: { status: 'failed', token: action.token, error: action.error } }), notice: { tone: 'error', text: action.error } };
    if (action.type !== 'done') return undefined;
    const r = action.value;
    const s = put(state, { snapshot: { status: 'done', token: action.token, value: r } });
    if (!r.ok) return { ...s, notice: { tone: 'error', text: r.message ?? evidenceText().writeFailed(r.incidentFile) } };
    return { ...markDone(logged(s, evidenceText().snapshotLogged(r.incidentFile), action.atMs), 'evidence'), notice: { tone: 'info', text: evidenceText().snapshotAppended(r.incidentFile) } };
  }
  return undefined;
}
