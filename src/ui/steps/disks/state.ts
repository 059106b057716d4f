import type { Command } from '../../keys.js';
import type { DfReport, FilesystemRow } from '../../ports/index.js';
import { listRows } from '../../layout.js';
import type { RequestSpec, ResultAction } from '../../walk/requests.js';
import { moveCursor } from '../../walk/cursor.js';
import { ask, matching, running } from '../../walk/tasks.js';
import type { Task, WalkState } from '../../walk/types.js';
import { go, logged, markDone } from '../../walk/navigate.js';
import { findCulprit } from '../../../core/plan/rescue-plan.js';
import { disksText } from './messages.js';

// Step 1, Disks: the df table; Enter picks the filesystem the hotspot scan will walk.

// The Disks step's slice: the df report, the first one kept as the summary's "before".
export interface DisksState {
  load: Task<DfReport>;
  /** The first report: "before" in the summary. */
  initial: DfReport | null;
  cursor: number;
}

declare module '../../walk/types.js' {
  interface StepStates {
    disks: DisksState;
  }
}
declare module '../../walk/requests.js' {
  interface RequestMap {
    /** The df report (at start, on refresh, and the summary's "after"). */
    loadDisks: RequestSpec<{ purpose: 'start' | 'summary' }, DfReport>;
  }
}

// Lines the Disks screen uses around its list: title, header, details, the likely culprits, the plan.
export const DISKS_OVERHEAD = 10;

// The slice before the first report.
export const initialDisks: DisksState = { load: { status: 'idle' }, initial: null, cursor: 0 };

// Asks for the df report (at start and on refresh).
export function loadDisks(state: WalkState): WalkState {
  const [s, token] = ask(state, { kind: 'loadDisks', purpose: 'start' });
  return { ...s, disks: { ...s.disks, load: running(token) } };
}

// The filesystems the table shows (empty until loaded).
export function diskRows(state: WalkState) {
  return state.disks.load.status === 'done' ? state.disks.load.value.filesystems : [];
}

// True for a row of the host, not of the system under --root (never without --root).
export function isHostRow(report: DfReport | null | undefined, mount: string): boolean {
  return !!report?.rescued && !report.rescued.includes(mount);
}

// Where the cursor starts: the flagged filesystem that holds a likely culprit (what the rescue
// plan is about), else the filesystem fullest in bytes or inodes (a read-only flag alone does not
// make one the likely culprit); under --root, the fullest of the rescued system's.
function fullest(rows: readonly FilesystemRow[], report?: DfReport): number {
  const culprit = report ? findCulprit(report) : null;
  const at = culprit ? rows.findIndex((f) => f.devId === culprit.fs.devId && !isHostRow(report, f.mount)) : -1;
  if (at >= 0) return at;
  let best = 0;
  let score = -1;
  const candidates = report?.rescued?.length ? rows.filter((f) => !isHostRow(report, f.mount)) : rows;
  rows.forEach((f, i) => {
    if (!candidates.includes(f)) return;
    const s = Math.max(f.usePercent ?? -1, f.inodeUsePercent ?? -1);
    if (s > score) {
      score = s;
      best = i;
    }
  });
  return best;
}

// Keys on the Disks screen.
export function disksCommand(state: WalkState, command: Command): WalkState | undefined {
  const rows = diskRows(state);
  const moved = moveCursor(state.disks.cursor, command, rows.length, listRows(state.rows, DISKS_OVERHEAD));
  if (moved !== undefined) return { ...state, disks: { ...state.disks, cursor: moved } };
  if (command === 'refresh') return loadDisks(state);
  if (command === 'open') {
    const fs = rows[state.disks.cursor];
    if (!fs) return { ...state, notice: { tone: 'warn', text: disksText().noFilesystem } };
    return go(markDone(state, 'disks'), 'hotspots', { mount: fs.mount });
  }
  return undefined;
}

// Results for the Disks screen: the first report becomes the summary's "before".
export function disksResult(state: WalkState, action: ResultAction): WalkState | undefined {
  if (action.type === 'done' && action.kind === 'loadDisks' && matching(state.disks.load, action.token)) {
    const report = action.value;
    const first = state.disks.initial === null;
    const cursor = first ? fullest(report.filesystems, report) : Math.min(state.disks.cursor, Math.max(0, report.filesystems.length - 1));
    let s: WalkState = { ...state, disks: { load: { status: 'done', token: action.token, value: report }, initial: state.disks.initial ?? report, cursor } };
    if (first) {
      const full = report.filesystems.filter((f) => f.flags.length > 0).map((f) => `${f.mount} (${f.flags.map((x) => x.code).join(', ')})`);
      s = logged(s, full.length ? disksText().atStart(full.join('; ')) : disksText().atStartNone, action.atMs);
    }
    return s;
  }
  if (action.type === 'failed' && action.kind === 'loadDisks' && matching(state.disks.load, action.token)) {
    return { ...state, disks: { ...state.disks, load: { status: 'failed', token: action.token, error: action.error } } };
  }
  return undefined;
}
