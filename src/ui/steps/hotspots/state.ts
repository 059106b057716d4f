import path from 'node:path';
import type { Command } from '../../keys.js';
import { listRows } from '../../layout.js';
import type { HotspotDir, HotspotReport, MailPath, ScanProgress } from '../../ports/index.js';
import { actionsMenu, withTarget } from './actions.js';
import { hotspotRows } from './rows.js';
import type { RequestSpec, ResultAction } from '../../walk/requests.js';
import { moveCursor } from '../../walk/cursor.js';
import { ask, matching, running, askStop, stopping } from '../../walk/tasks.js';
import type { Nav, Target, Task, WalkState } from '../../walk/types.js';
import { go } from '../../walk/navigate.js';
import { hotspotsText } from './messages.js';

// Step 2, Hotspots: live scan, rankings, drill-down, known mail paths; picks the target.

// What the Hotspots list shows: a ranking, the largest files, the mail paths, or a drill-down.
export type HotspotsView = 'entries' | 'bytes' | 'files' | 'mail' | 'browse';

// The Hotspots step's slice: the scan, the current view and drill-down, the known mail paths.
export interface HotspotsState {
  scan: Task<HotspotReport, ScanProgress>;
  /** Filesystem picked on the Disks screen. */
  mount: string | null;
  /** Filesystem the last scan was started for. */
  scanMount: string | null;
  view: HotspotsView;
  /** Order of the drill-down: the ranking it started from. */
  sort: 'bytes' | 'entries';
  cursor: number;
  /** Directory being browsed and its children. */
  browsePath: string | null;
  /** After going up: the directory we came from, to put the cursor on it (as ncdu does). */
  focusPath: string | null;
  children: Task<HotspotDir[]>;
  mailPaths: Task<MailPath[]>;
}

declare module '../../walk/types.js' {
  interface StepStates {
    hotspots: HotspotsState;
  }
}
declare module '../../walk/requests.js' {
  interface RequestMap {
    mailPaths: RequestSpec<object, MailPath[]>;
    scan: RequestSpec<{ mount: string; top: number }, HotspotReport, ScanProgress>;
    children: RequestSpec<{ path: string; by: 'bytes' | 'entries' }, HotspotDir[]>;
  }
}
declare module '../../keys.js' {
  interface StepCommands {
    sortBytes: true;
    sortEntries: true;
    largestFiles: true;
    mailPaths: true;
    actions: true;
  }
}

// Lines the Hotspots screen uses around its list: tabs, status, header.
export const HOTSPOTS_OVERHEAD = 3;

const idle = { status: 'idle' } as const;

// The slice before anything was scanned.
export const initialHotspots: HotspotsState = { scan: idle, mount: null, scanMount: null, view: 'entries', sort: 'entries', cursor: 0, browsePath: null, focusPath: null, children: idle, mailPaths: idle };

// At the start of the walk: the mail paths are read at once (Evidence proposes root's mailbox).
export function askMailPaths(state: WalkState): WalkState {
  const [s, token] = ask(state, { kind: 'mailPaths' });
  return put(s, { mailPaths: running(token) });
}

// How many rows each ranking asks the scan for.
const SCAN_TOP = 50;

const put = (s: WalkState, h: Partial<HotspotsState>): WalkState => ({ ...s, hotspots: { ...s.hotspots, ...h } });


// Starts (or restarts) the scan of the picked filesystem.
function startScan(state: WalkState): WalkState {
  const mount = state.hotspots.mount;
  if (!mount) return state;
  const [s, token] = ask(state, { kind: 'scan', mount, top: SCAN_TOP });
  return put(s, { scan: running(token), scanMount: mount, view: state.hotspots.view === 'mail' ? 'entries' : state.hotspots.view, cursor: 0, browsePath: null, focusPath: null, children: { status: 'idle' } });
}

// Entering Hotspots: scan the picked filesystem once (Disks passes the mount it picked); with
// none picked show the mail paths.
export function enterHotspots(state: WalkState, nav?: Nav): WalkState {
  const mount = nav?.params?.mount;
  let s = typeof mount === 'string' ? put(state, { mount }) : state;
  if (s.hotspots.mailPaths.status === 'idle' || s.hotspots.mailPaths.status === 'failed') {
    const [asked, token] = ask(s, { kind: 'mailPaths' });
    s = put(asked, { mailPaths: running(token) });
  }
  if (!s.hotspots.mount) return s.hotspots.scan.status === 'idle' ? put(s, { view: 'mail', cursor: 0 }) : s;
  if (s.hotspots.scanMount !== s.hotspots.mount || s.hotspots.scan.status === 'idle') return startScan(s);
  return s;
}


// Keys that act on the selected row's path.
const ACTS = new Set<Command>(['open', 'actions', 'lookInside', 'evidence', 'purge']);

const VIEW_OF: Partial<Record<Command, HotspotsView>> = { sortBytes: 'bytes', sortEntries: 'entries', largestFiles: 'files', mailPaths: 'mail' };

function browse(state: WalkState, dir: string, focusPath: string | null = null): WalkState {
  const [s, token] = ask(state, { kind: 'children', path: dir, by: state.hotspots.sort });
  return put(s, { view: 'browse', browsePath: dir, children: running(token), cursor: 0, focusPath });
}

// Keys on the Hotspots screen.
export function hotspotsCommand(state: WalkState, command: Command, show: (p: string) => string): WalkState | undefined {
  const h = state.hotspots;
  if (command === 'cancel' && h.scan.status === 'running') return put(askStop(state, h.scan), { scan: stopping(h.scan) });
  const view = VIEW_OF[command];
  if (view) {
    if (view !== 'mail' && h.scan.status === 'idle') return { ...state, notice: { tone: 'warn', text: hotspotsText().noScanYet } };
    return put(state, { view, cursor: 0, sort: view === 'bytes' || view === 'entries' ? view : h.sort });
  }
  if (command === 'refresh') {
    if (h.mount) return startScan(state);
    const [s, token] = ask(state, { kind: 'mailPaths' });
    return put(s, { mailPaths: running(token) });
  }
  const rows = hotspotRows(state);
  const moved = moveCursor(h.cursor, command, rows.length, listRows(state.rows, HOTSPOTS_OVERHEAD));
  if (moved !== undefined) return put(state, { cursor: moved });
  const row = rows[h.cursor];
  if (command === 'back') {
    if (h.view !== 'browse' || !h.browsePath) return state;
    const root = h.scan.status === 'done' ? h.scan.value.root : h.browsePath;
    if (h.browsePath === root || !h.browsePath.startsWith(root)) return put(state, { view: h.sort, cursor: 0, browsePath: null });
    return browse(state, path.dirname(h.browsePath), h.browsePath);
  }
  if (command === 'goto') return { ...state, input: { purpose: 'goto', prompt: hotspotsText().gotoPrompt, buffer: '' } };
  if (!row) {
    if (command === 'open' || command === 'actions' || command === 'lookInside' || command === 'evidence' || command === 'purge') {
      return { ...state, notice: { tone: 'warn', text: hotspotsText().nothingSelected } };
    }
    return undefined;
  }
  if (row.lossy && ACTS.has(command)) return { ...state, notice: { tone: 'warn', text: hotspotsText().notUtf8 } };
  const target: Target = { path: row.path, kind: row.kind, tag: row.tag };
  if (command === 'open') {
    // The subtree counts the directory itself: more than that and its direct entries means
    // something lies deeper, so Enter drills down; a leaf directory gets the action menu.
    if (row.kind === 'dir' && h.view !== 'mail' && (row.subtreeEntries ?? 0) > (row.entries ?? 0) + 1) return browse(state, row.path);
    return { ...state, menu: actionsMenu(target, show) };
  }
  if (command === 'actions') return { ...state, menu: actionsMenu(target, show) };
  if (command === 'lookInside') return go(withTarget(state, target), 'inside');
  if (command === 'evidence') return go(withTarget(state, target), 'evidence');
  if (command === 'purge') return go(withTarget(state, target), 'purge');
  return undefined;
}

// Results for the Hotspots screen.
export function hotspotsResult(state: WalkState, action: ResultAction): WalkState | undefined {
  const h = state.hotspots;
  if (action.type === 'progress' && action.kind === 'scan' && matching(h.scan, action.token) && h.scan.status === 'running') {
    return put(state, { scan: { ...h.scan, progress: action.progress } });
  }
  if (action.kind === 'scan' && matching(h.scan, action.token)) {
    if (action.type === 'done') return put(state, { scan: { status: 'done', token: action.token, value: action.value }, cursor: 0 });
    if (action.type === 'failed') return { ...put(state, { scan: { status: 'failed', token: action.token, error: action.error }, view: 'mail', cursor: 0 }), notice: { tone: 'error', text: action.error } };
    if (action.type === 'aborted') return { ...put(state, { scan: { status: 'aborted', token: action.token }, view: 'mail', cursor: 0 }), notice: { tone: 'info', text: hotspotsText().scanStoppedNotice } };
  }
  if (action.kind === 'children' && matching(h.children, action.token)) {
    if (action.type === 'done') {
      const s = put(state, { children: { status: 'done', token: action.token, value: action.value } });
      const at = h.focusPath ? hotspotRows(s).findIndex((r) => r.path === h.focusPath) : -1;
      return put(s, { cursor: Math.max(0, at), focusPath: null });
    }
    if (action.type === 'failed') return put(state, { children: { status: 'failed', token: action.token, error: action.error } });
  }
  if (action.kind === 'mailPaths' && matching(h.mailPaths, action.token)) {
    if (action.type === 'done') return put(state, { mailPaths: { status: 'done', token: action.token, value: action.value } });
    if (action.type === 'failed') return put(state, { mailPaths: { status: 'failed', token: action.token, error: action.error } });
  }
  return undefined;
}
