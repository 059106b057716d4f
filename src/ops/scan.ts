import type { HotspotIndex } from '../core/hotspots/index.js';
import { hotspotRow, tagReport, type HotspotReport, type HotspotRow } from '../core/hotspots/rank.js';
import type { MailTag } from '../core/postfix/mail-paths.js';
import type { SystemPaths } from '../core/system-paths.js';
import type { InvocationFlags } from '../core/suggested-command.js';
import type { exportDestination, ExportDestinationRefused } from '../io/hotspots/export/export-destination.js';
import type { ScanExporter, ScanProgress, scan } from '../io/hotspots/scan.js';
import type { readMailPathTagger } from '../io/paths/mail-path-tagger.js';
import { VERSION } from '../version.js';

// The hotspots use case, for `spoolrescue hotspots` and the walk's Hotspots step alike: plan =
// where the scan starts and whether an ncdu export may be written there (nothing scanned yet),
// run = the worker scan with live progress and abort, its rankings tagged with the mail paths,
// and the export; drill-down reads the scan's per-directory index without a rescan.

// What to scan.
export interface ScanRequest {
  /** Host path of the start; undefined = the rescued system's root (its canonical path). */
  start?: string;
  paths: SystemPaths;
  postfixConfig?: string;
  top?: number;
  workers?: number;
  /** Scan the canonical path of the start (the walk: a pick reached through a symlinked root). */
  canonical?: boolean;
  /** chdir to the start during the scan: only for a process doing nothing else meanwhile (the CLI). */
  chdir?: boolean;
  /** Global flags a hint repeats (--root, --postfix-config). */
  invocation?: InvocationFlags;
  /** Also write the scan in ncdu's export format: absolute path, and whether to write it anyway. */
  export?: { file: string; force: boolean };
}

// The checked request.
export interface ScanPlan {
  request: ScanRequest;
  start: string;
  export?: { file: string; forcedPast: string[] };
}

// A finished scan: the tagged report, the index for drill-down, the export when one was asked.
export interface ScanDone {
  report: HotspotReport;
  index: HotspotIndex;
  tag?: (hostPath: string) => MailTag | undefined;
  exported?: { path: string; bytes: number; format: 'ncdu-json' };
}

// The outside world of a scan; built once in src/ops/real/scan.ts.
export interface ScanDeps {
  scan: typeof scan;
  readMailPathTagger: typeof readMailPathTagger;
  realpath(p: string): string;
  exportDestination: typeof exportDestination;
  /** An ncdu export writer for a file (NcduExport). */
  exporter(file: string): ScanExporter & { readonly file: string; write: NcduWrite; close(): void };
  deviceNumber(p: string): number;
}

type NcduWrite = (index: HotspotIndex, root: { name: string; dev: number; progver: string }, signal?: AbortSignal) => Promise<number>;

// Decides the start and judges the export file; nothing is read below the start yet.
export function planScan(req: ScanRequest, deps: ScanDeps): ScanPlan | ExportDestinationRefused {
  // A start that is a symlink is refused by the scan (never followed); --root itself may be one.
  const start = req.start === undefined ? deps.realpath(req.paths.sys('/')) : req.canonical ? deps.realpath(req.start) : req.start;
  if (!req.export) return { request: req, start };
  const dest = deps.exportDestination(req.export.file, start, req.export.force);
  if ('refused' in dest) return dest;
  return { request: req, start, export: dest };
}

// Scans; Postfix settings are read meanwhile and tag the report after (unreadable settings leave
// it untagged: tags are a help, not a need). Rejects with the signal's reason on abort, and then
// no export file exists.
export async function runScan(plan: ScanPlan, deps: ScanDeps, onProgress?: (p: ScanProgress) => void, signal?: AbortSignal): Promise<ScanDone> {
  const r = plan.request;
  const tagger = deps.readMailPathTagger({ paths: r.paths, postfixConfig: r.postfixConfig }).catch(() => undefined);
  const exporter = plan.export ? deps.exporter(plan.export.file) : undefined;
  let result;
  let exported: ScanDone['exported'];
  try {
    result = await deps.scan(plan.start, { signal, onProgress, top: r.top, workers: r.workers, chdir: r.chdir, invocation: r.invocation, exporter });
    if (exporter) {
      const real = deps.realpath(plan.start);
      const bytes = await exporter.write(result.index, { name: r.paths.toSystem(real), dev: deps.deviceNumber(real), progver: VERSION }, signal);
      exported = { path: exporter.file, bytes, format: 'ncdu-json' };
    }
  } finally {
    exporter?.close();
  }
  const tag = await tagger;
  const report = tag ? tagReport(result.report, tag) : result.report;
  return { report, index: result.index, tag, ...(exported ? { exported } : {}) };
}

// The subdirectories of a scanned directory with their subtree totals, biggest first; null when
// the directory was not part of the scan.
export function scanChildren(done: ScanDone, dir: string, by: 'bytes' | 'entries'): HotspotRow[] | null {
  const id = done.index.find(dir);
  if (id === undefined) return null;
  return done.index.children(id, by).map((c) => hotspotRow(done.index, c.id, done.tag));
}
