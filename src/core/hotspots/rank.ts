import { nameForJson } from '../text/escape-name.js';
import type { DirId, HotspotIndex, PathPart } from './index.js';
import type { MailTag } from '../postfix/mail-paths.js';
import { LargestK } from './top-k.js';

// A directory row of the report: where the weight sits directly, plus its subtree for drill-down.
export interface HotspotRow {
  path: string;
  /** Exact bytes of the path when it is not valid UTF-8 (path then shows U+FFFD). */
  pathBase64?: string;
  /** Allocated bytes of the files directly inside. */
  bytes: number;
  /** Entries directly inside (files and subdirectories). */
  entries: number;
  subtreeBytes: number;
  subtreeEntries: number;
  /** Set when the directory could not be read completely. */
  incomplete?: boolean;
  mail?: MailTag;
}

// One of the largest files (a swollen mbox is one file).
export interface HotspotFile {
  path: string;
  pathBase64?: string;
  /** Allocated bytes (what it takes from the disk). */
  bytes: number;
  /** Apparent size (ls -l); larger than bytes for a sparse file. */
  size: number;
  mail?: MailTag;
}

// A directory that could not be read, as data: the scan goes on.
interface HotspotError {
  path: string;
  pathBase64?: string;
  message: string;
}

// The JSON of `spoolrescue hotspots --json`.
export interface HotspotReport {
  root: string;
  /** Device (mount source) of the scanned filesystem, e.g. /dev/vda1. */
  device: string;
  fstype: string;
  /** Mount point of the scanned filesystem. */
  mount: string;
  /** Allocated bytes and inodes of everything scanned: du -sx -B1 and du -sx --inodes. */
  totalBytes: number;
  totalEntries: number;
  directories: number;
  /** Directories ranked by bytes of the files directly inside them. */
  byBytes: HotspotRow[];
  /** Directories ranked by entries directly inside them (a flooded maildrop, not /var). */
  byEntries: HotspotRow[];
  largestFiles: HotspotFile[];
  /** Mount points inside the tree that were not entered (another filesystem). */
  skippedMounts: string[];
  errors: HotspotError[];
  /** All errors, also those beyond the listed ones. */
  errorCount: number;
  elapsedMs: number;
}

// A path for JSON: text, plus its exact bytes in base64 when they are not UTF-8.
function pathForJson(p: PathPart): { path: string; pathBase64?: string } {
  if (typeof p === 'string') return { path: p };
  const j = nameForJson(p);
  return j.nameBase64 ? { path: j.name, pathBase64: j.nameBase64 } : { path: j.name };
}

// The text of a path for matching (mail tagging); U+FFFD where bytes are not UTF-8.
export function pathText(p: PathPart): string {
  return typeof p === 'string' ? p : Buffer.from(p).toString();
}

// The n directories with the most direct bytes or direct entries (zeros left out), biggest first,
// ties by path so the output is stable from run to run.
/** @internal unit-tested on its own: test/core/hotspot-index.test.ts */
export function rankDirectories(index: HotspotIndex, by: 'bytes' | 'entries', n: number): DirId[] {
  const top = new LargestK<DirId>(n);
  const values = index.directValues(by);
  // a directory is offered only when it beats the smallest kept one (once per scan: cold code,
  // so one comparison per directory rather than calls)
  let floor = 0;
  for (let id = 0; id < values.length; id++) {
    const v = values[id];
    if (v <= floor) continue;
    top.offer(v, id);
    floor = Math.max(0, top.floor());
  }
  const kept = top.sorted();
  const paths = new Map(kept.map((id) => [id, pathText(index.path(id))]));
  return kept.sort((a, b) => values[b] - values[a] || compareText(paths.get(a)!, paths.get(b)!));
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// A ranked directory as a report row.
export function hotspotRow(index: HotspotIndex, id: DirId, tag?: (p: string) => MailTag | undefined): HotspotRow {
  const d = index.get(id);
  const row: HotspotRow = { ...pathForJson(d.path), bytes: d.bytes, entries: d.entries, subtreeBytes: d.subtreeBytes, subtreeEntries: d.subtreeEntries };
  if (d.incomplete) row.incomplete = true;
  const mail = tag?.(pathText(d.path));
  if (mail) row.mail = mail;
  return row;
}

// What the scan saw besides the index: its filesystem, largest files, skipped mounts, errors.
export interface ReportFacts {
  device: string;
  fstype: string;
  mount: string;
  largest: readonly { path: PathPart; bytes: number; size: number }[];
  skipped: readonly PathPart[];
  errors: readonly { path: PathPart; message: string }[];
  errorCount: number;
  elapsedMs: number;
}

// Builds the report from the finished index and what the scan saw (pure).
export function buildHotspotReport(index: HotspotIndex, facts: ReportFacts, opts: { top: number; tag?: (p: string) => MailTag | undefined }): HotspotReport {
  const tag = opts.tag;
  const withTag = <T extends { path: string }>(row: T): T => {
    const mail = tag?.(row.path);
    return mail ? { ...row, mail } : row;
  };
  return {
    root: pathText(index.rootPath),
    device: facts.device,
    fstype: facts.fstype,
    mount: facts.mount,
    totalBytes: index.totalBytes,
    totalEntries: index.totalEntries,
    directories: index.size,
    byBytes: rankDirectories(index, 'bytes', opts.top).map((id) => hotspotRow(index, id, tag)),
    byEntries: rankDirectories(index, 'entries', opts.top).map((id) => hotspotRow(index, id, tag)),
    largestFiles: [...facts.largest]
      .sort((a, b) => b.bytes - a.bytes || compareText(pathText(a.path), pathText(b.path)))
      .slice(0, opts.top)
      .map((f) => withTag({ ...pathForJson(f.path), bytes: f.bytes, size: f.size })),
    skippedMounts: facts.skipped.map(pathText).sort(),
    errors: facts.errors.map((e) => ({ ...pathForJson(e.path), message: e.message })).sort((a, b) => compareText(a.path, b.path)),
    errorCount: facts.errorCount,
    elapsedMs: Math.round(facts.elapsedMs),
  };
}

// Adds mail tags to a finished report's rows (when the tagger was not ready during the scan:
// the CLI reads Postfix settings while the scan runs).
export function tagReport(report: HotspotReport, tag: (p: string) => MailTag | undefined): HotspotReport {
  const add = <T extends { path: string; mail?: MailTag }>(row: T): T => {
    const mail = row.mail ?? tag(row.path);
    return mail ? { ...row, mail } : row;
  };
  return { ...report, byBytes: report.byBytes.map(add), byEntries: report.byEntries.map(add), largestFiles: report.largestFiles.map(add) };
}
