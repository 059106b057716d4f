// How the screen is cut up, shared by the views (what to draw) and the reducer (how far a page
// moves), so paging always matches what is visible. Fits 80x24; more rows mean longer lists.

// Rows above the screen body: the step line and the context line.
const HEADER_ROWS = 2;
// Rows below the body: the notice line and the help bar.
const FOOTER_ROWS = 2;

// Fewest rows the layout is computed for.
const MIN_ROWS = 12;

// The smallest terminal the walk draws on: every screen's fixed lines (titles, table headers,
// details, dialog, notice, help bar) and a few list rows fit; below it the walk shows what it
// needs instead of overlapping lines, and comes back when the terminal grows.
export const MIN_TERMINAL = { columns: 60, rows: 16 } as const;

// True when the terminal is below the walk's minimum size.
export function tooSmall(columns: number, rows: number): boolean {
  return columns < MIN_TERMINAL.columns || rows < MIN_TERMINAL.rows;
}

// Rows available to a screen.
export function bodyRows(rows: number): number {
  return Math.max(MIN_ROWS, rows) - HEADER_ROWS - FOOTER_ROWS;
}

// Visible rows of a screen's list, at least 3, after the lines the screen uses around it
// (titles, table headers, details: each step knows its own).
export function listRows(rows: number, overhead: number): number {
  return Math.max(3, bodyRows(rows) - overhead);
}

// The first visible row of a list so that the cursor stays on screen (scrolls by whole pages).
export function windowStart(cursor: number, visible: number): number {
  if (visible <= 0) return 0;
  return Math.floor(Math.max(0, cursor) / visible) * visible;
}
