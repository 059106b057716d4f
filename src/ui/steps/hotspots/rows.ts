import type { HotspotDir, MailPath } from '../../ports/index.js';
import type { WalkState } from '../../walk/types.js';

// The rows of the Hotspots list, whichever view it shows (rankings, largest files, mail paths,
// drill-down), for the screen and for the keys that act on the selected row.

// One row of whichever list the Hotspots screen shows.
export interface HotRow {
  path: string;
  kind: 'dir' | 'file';
  tag?: string;
  bytes?: number;
  entries?: number;
  subtreeBytes?: number;
  subtreeEntries?: number;
  /** The path is not valid UTF-8 (path shows U+FFFD): it can be looked at, not opened. */
  lossy?: boolean;
  /** Read only part of it (see the scan's errors). */
  incomplete?: boolean;
  mail?: MailPath;
}


function mailRows(state: WalkState): HotRow[] {
  const t = state.hotspots.mailPaths;
  if (t.status !== 'done') return [];
  return t.value.map((m) => ({
    path: m.path,
    kind: m.kind === 'queue-dir' || m.kind === 'spool-dir' ? 'dir' : 'file',
    tag: m.label,
    bytes: m.sizeBytes ?? undefined,
    mail: m,
  }));
}

// A ranked directory of the hotspot core as a row (its mail tag in words).
function dirRow(d: HotspotDir): HotRow {
  return {
    path: d.path,
    kind: 'dir',
    tag: d.mail?.label,
    bytes: d.bytes,
    entries: d.entries,
    subtreeBytes: d.subtreeBytes,
    subtreeEntries: d.subtreeEntries,
    ...(d.pathBase64 ? { lossy: true } : {}),
    ...(d.incomplete ? { incomplete: true } : {}),
  };
}

// The rows of the current view (rankings, largest files, mail paths or drill-down children).
export function hotspotRows(state: WalkState): HotRow[] {
  const h = state.hotspots;
  if (h.view === 'mail') return mailRows(state);
  if (h.view === 'browse') return h.children.status === 'done' ? h.children.value.map(dirRow) : [];
  if (h.scan.status !== 'done') return [];
  const r = h.scan.value;
  if (h.view === 'files') return r.largestFiles.map((f) => ({ path: f.path, kind: 'file' as const, tag: f.mail?.label, bytes: f.bytes, ...(f.pathBase64 ? { lossy: true } : {}) }));
  return (h.view === 'bytes' ? r.byBytes : r.byEntries).map(dirRow);
}
