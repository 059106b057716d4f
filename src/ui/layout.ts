// How the screen is cut up, shared by the views (what to draw) and the reducer (how far a page
// moves), so paging always matches what is visible. Fits 80x24; more rows mean longer lists.

// Rows above the screen body: the step line and the context line.
export const HEADER_ROWS = 2;
// Rows below the body: the notice line and the help bar.
export const FOOTER_ROWS = 2;

// Narrowest terminal the walk lays out for; narrower ones still work, with cut lines.
export const MIN_COLUMNS = 40;
// Fewest rows the layout is computed for.
export const MIN_ROWS = 12;

// Rows available to a screen.
export function bodyRows(rows: number): number {
  return Math.max(MIN_ROWS, rows) - HEADER_ROWS - FOOTER_ROWS;
}

// Lines each screen uses around its list (titles, table headers, details).
export const LIST_OVERHEAD = {
  disks: 8 + 1, // + the likely culprits line
  hotspots: 3,
  inside: 5,
  evidence: 6,
} as const;

// Visible rows of a screen's list, at least 3.
export function listRows(rows: number, screen: keyof typeof LIST_OVERHEAD): number {
  return Math.max(3, bodyRows(rows) - LIST_OVERHEAD[screen]);
}

// The first visible row of a list so that the cursor stays on screen (scrolls by whole pages).
export function windowStart(cursor: number, visible: number): number {
  if (visible <= 0) return 0;
  return Math.floor(Math.max(0, cursor) / visible) * visible;
}
