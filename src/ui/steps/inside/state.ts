import path from 'node:path';
import type { Command } from '../../keys.js';
import { listRows } from '../../layout.js';
import type { DirScan, ListingPage, PathFacts, LsEntry } from '../../ports/index.js';
import type { RequestSpec, ResultAction } from '../../walk/requests.js';
import { moveCursor } from '../../walk/cursor.js';
import { ask, isRunning, matching, running, askStop, stopping } from '../../walk/tasks.js';
import type { Notice, ReducerEnv, Target, Task, WalkState } from '../../walk/types.js';
import { go, markDone } from '../../walk/navigate.js';
import { insideText } from './messages.js';

// Step 3, Look inside: the first page at once, then page forward through the directory without
// re-reading it; counting and oldest/newest only when asked (they read every entry).

// The Look inside step's slice: the open directory, the pages read so far, count and
// oldest/newest on demand.
export interface InsideState {
  target: Target | null;
  facts: Task<PathFacts>;
  /** Token of the open pager (requests refer to it), null when none. */
  pagerToken: number | null;
  /** Pages read so far, the oldest evicted beyond a bound. */
  pages: LsEntry[][];
  /** Index (0-based, over the whole directory) of pages[0]. */
  firstPageNumber: number;
  page: number;
  loading: Task<true>;
  done: boolean;
  cursor: number;
  count: Task<DirScan, number>;
  oldestNewest: Task<DirScan, number>;
  showOldest: boolean;
}

declare module '../../walk/types.js' {
  interface StepStates {
    inside: InsideState;
  }
}
declare module '../../walk/requests.js' {
  interface RequestMap {
    stat: RequestSpec<{ path: string }, PathFacts>;
    openPager: RequestSpec<{ path: string }, true>;
    nextPage: RequestSpec<{ pager: number; count: number }, ListingPage>;
    closePager: RequestSpec<{ pager: number }, true>;
    count: RequestSpec<{ path: string }, DirScan, number>;
    oldestNewest: RequestSpec<{ path: string; k: number }, DirScan, number>;
  }
}
declare module '../../keys.js' {
  interface StepCommands {
    count: true;
    oldestNewest: true;
  }
}

// Lines the Look inside screen uses around its list: title, facts, count, page line.
export const INSIDE_OVERHEAD = 5;

const idle = { status: 'idle' } as const;

// The slice before anything was opened.
export const initialInside: InsideState = { target: null, facts: idle, pagerToken: null, pages: [], firstPageNumber: 0, page: 0, loading: idle, done: false, cursor: 0, count: idle, oldestNewest: idle, showOldest: false };

// Pages kept for paging back; older ones are dropped so memory stays bounded.
/** @internal unit-tested on its own: test/ui/state/reducer.test.ts */
export const MAX_PAGES = 50;

const put = (s: WalkState, i: Partial<InsideState>): WalkState => ({ ...s, inside: { ...s.inside, ...i } });

// How many oldest and newest entries fit on the screen.
function oldestNewestK(rows: number): number {
  return Math.max(2, Math.min(10, Math.floor((listRows(rows, INSIDE_OVERHEAD) - 2) / 2)));
}

// The page on screen (empty while the first one loads).
export function currentPage(state: WalkState) {
  const i = state.inside;
  return i.pages[i.page - i.firstPageNumber] ?? [];
}

function closePager(state: WalkState): WalkState {
  if (state.inside.pagerToken === null) return state;
  const [s] = ask(state, { kind: 'closePager', pager: state.inside.pagerToken });
  return put(s, { pagerToken: null });
}

function reset(state: WalkState, target: Target): WalkState {
  let s = closePager(state);
  for (const t of [s.inside.count, s.inside.oldestNewest]) if (isRunning(t)) [s] = ask(s, { kind: 'abort', task: t.token });
  const [asked, token] = ask(s, { kind: 'stat', path: target.path });
  return put(asked, {
    target,
    facts: running(token),
    pagerToken: null,
    pages: [],
    firstPageNumber: 0,
    page: 0,
    loading: { status: 'idle' },
    done: false,
    cursor: 0,
    count: { status: 'idle' },
    oldestNewest: { status: 'idle' },
    showOldest: false,
  });
}

function readPage(state: WalkState): WalkState {
  if (state.inside.pagerToken === null || isRunning(state.inside.loading)) return state;
  const [s, token] = ask(state, { kind: 'nextPage', pager: state.inside.pagerToken, count: listRows(state.rows, INSIDE_OVERHEAD) });
  return put(s, { loading: running(token) });
}

// Entering Look inside: a new target starts over, the same one keeps its pages.
export function enterInside(state: WalkState): WalkState {
  const t = state.target;
  if (!t) return state;
  if (state.inside.target?.path === t.path) return state;
  return reset(state, t);
}

// Leaving for good (quit) or switching targets: the directory handle is closed.
export function insideClosed(state: WalkState): WalkState {
  return closePager(state);
}

function pageDown(state: WalkState): WalkState {
  const i = state.inside;
  if (i.page + 1 < i.firstPageNumber + i.pages.length) return put(state, { page: i.page + 1, cursor: 0 });
  if (i.done) return { ...state, notice: { tone: 'info', text: insideText().endNotice } };
  return readPage(state);
}

function pageUp(state: WalkState): WalkState {
  const i = state.inside;
  if (i.page > i.firstPageNumber) return put(state, { page: i.page - 1, cursor: 0 });
  if (i.page > 0) return { ...state, notice: { tone: 'info', text: insideText().pagesDropped(i.firstPageNumber + 1) } };
  return state;
}

// Keys on the Look inside screen.
export function insideCommand(state: WalkState, command: Command): WalkState | undefined {
  const i = state.inside;
  if (command === 'cancel') {
    if (i.count.status === 'running') return put(askStop(state, i.count), { count: stopping(i.count) });
    if (i.oldestNewest.status === 'running') return put(askStop(state, i.oldestNewest), { oldestNewest: stopping(i.oldestNewest) });
    return undefined;
  }
  if (command === 'goto') return { ...state, input: { purpose: 'goto', prompt: insideText().gotoPrompt, buffer: '' } };
  if (command === 'back') return go(state, 'hotspots');
  if (!i.target) return undefined;
  if (command === 'evidence') return go(state, 'evidence');
  if (command === 'purge') return go(state, 'purge');
  if (i.target.kind !== 'dir') return undefined;
  if (command === 'pageDown') return pageDown(state);
  if (command === 'pageUp') return pageUp(state);
  const rows = currentPage(state);
  const moved = moveCursor(i.cursor, command, rows.length, rows.length);
  if (moved !== undefined) return put(state, { cursor: moved });
  if (command === 'count') {
    if (isRunning(i.count)) return state;
    const [s, token] = ask(state, { kind: 'count', path: i.target.path });
    return put(s, { count: running(token) });
  }
  if (command === 'oldestNewest') {
    if (i.oldestNewest.status === 'done') return put(state, { showOldest: !i.showOldest });
    if (isRunning(i.oldestNewest)) return state;
    const [s, token] = ask(state, { kind: 'oldestNewest', path: i.target.path, k: oldestNewestK(state.rows) });
    return put(s, { oldestNewest: running(token), showOldest: true });
  }
  if (command === 'open') {
    const e = rows[i.cursor];
    if (e?.type !== 'dir') return undefined;
    if (e.nameBytes) return { ...state, notice: { tone: 'warn', text: insideText().notUtf8 } };
    const target: Target = { path: path.join(i.target.path, e.name), kind: 'dir' };
    return reset({ ...state, target }, target);
  }
  return undefined;
}

// A typed path to look inside (the "/" key).
export function insideGoto(state: WalkState, typed: string, env: ReducerEnv): WalkState {
  const text = typed.trim();
  if (!text) return { ...state, notice: { tone: 'info', text: insideText().noPath } };
  const target: Target = { path: env.resolve(text), kind: 'dir' };
  const s = { ...state, target };
  return s.step === 'inside' ? reset(s, target) : go(s, 'inside');
}

// Results for the Look inside screen.
export function insideResult(state: WalkState, action: ResultAction): WalkState | undefined {
  const i = state.inside;
  if (action.kind === 'stat' && matching(i.facts, action.token)) {
    if (action.type === 'failed') return put(state, { facts: { status: 'failed', token: action.token, error: action.error } });
    if (action.type !== 'done') return undefined;
    const facts = action.value;
    let s = put(state, { facts: { status: 'done', token: action.token, value: facts } });
    if (facts.kind === 'file' && i.target?.kind === 'dir') {
      const target: Target = { ...i.target, kind: 'file' };
      s = put({ ...s, target: s.target?.path === target.path ? target : s.target }, { target });
    }
    if (facts.kind !== 'dir') return markDone(s, 'inside');
    const [opened, token] = ask(s, { kind: 'openPager', path: facts.path });
    return readPage(put(opened, { pagerToken: token }));
  }
  if (action.kind === 'openPager' && action.type === 'failed' && action.token === i.pagerToken) {
    return put(state, { pagerToken: null, loading: { status: 'failed', token: action.token, error: action.error } });
  }
  if (action.kind === 'nextPage' && matching(i.loading, action.token)) {
    if (action.type === 'failed') return put(state, { loading: { status: 'failed', token: action.token, error: action.error } });
    if (action.type !== 'done') return undefined;
    const { entries, done, incomplete } = action.value;
    const loading = { status: 'done' as const, token: action.token, value: true as const };
    const stopped: Notice | null = incomplete ? { tone: 'error', text: insideText().listingStopped(incomplete) } : null;
    if (entries.length === 0 && i.pages.length > 0) return { ...put(state, { loading, done: true }), notice: stopped ?? { tone: 'info', text: insideText().endNotice } };
    let pages = [...i.pages, entries];
    let first = i.firstPageNumber;
    if (pages.length > MAX_PAGES) {
      pages = pages.slice(pages.length - MAX_PAGES);
      first += 1;
    }
    const page = first + pages.length - 1;
    const s = markDone(put(state, { loading, done, pages, firstPageNumber: first, page, cursor: 0 }), 'inside');
    return stopped ? { ...s, notice: stopped } : s;
  }
  if (action.kind === 'count' && matching(i.count, action.token) && i.count.status === 'running') {
    if (action.type === 'progress') return put(state, { count: { ...i.count, progress: action.progress } });
    if (action.type === 'done') return put(state, { count: { status: 'done', token: action.token, value: action.value } });
    if (action.type === 'failed') return { ...put(state, { count: { status: 'failed', token: action.token, error: action.error } }), notice: { tone: 'error', text: action.error } };
    if (action.type === 'aborted') return put(state, { count: { status: 'aborted', token: action.token } });
  }
  if (action.kind === 'oldestNewest' && matching(i.oldestNewest, action.token) && i.oldestNewest.status === 'running') {
    const t = i.oldestNewest;
    if (action.type === 'progress') return put(state, { oldestNewest: { ...t, progress: action.progress } });
    if (action.type === 'done') {
      const value = action.value;
      const count = i.count.status === 'running' ? i.count : { status: 'done' as const, token: action.token, value };
      return put(state, { oldestNewest: { status: 'done', token: action.token, value }, count });
    }
    if (action.type === 'failed') return { ...put(state, { oldestNewest: { status: 'failed', token: action.token, error: action.error } }), notice: { tone: 'error', text: action.error } };
    if (action.type === 'aborted') return put(state, { oldestNewest: { status: 'aborted', token: action.token } });
  }
  return undefined;
}
