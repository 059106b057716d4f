import type { HotspotReport, HotspotRow } from '../../core/hotspots/rank.js';
import type { MailPath as OpsMailPath } from '../../ops/mail-paths.js';
import type { TaskOptions } from './common.js';

// Step 2's ports: the hotspot core's report as it is (src/core/hotspots/rank.ts), drill-down over
// its index, and the known mail paths.

// A directory ranked by what sits directly in it, with its subtree totals and mail tag.
export type HotspotDir = HotspotRow;
export type { HotspotReport };

// Live figures of a running scan.
export interface ScanProgress {
  entries: number;
  bytes: number;
  /** Entries per second. */
  rate: number;
  currentPath: string;
}

// A finished scan: the report plus its per-directory aggregates for drill-down.
export interface HotspotScan {
  report: HotspotReport;
  /** Subdirectories of a scanned directory with their subtree totals, biggest first. */
  children(dirPath: string, by: 'bytes' | 'entries'): Promise<HotspotDir[]>;
}

// Step 2: du-style scan of one filesystem from a start path.
export interface HotspotsPort {
  scan(rootPath: string, opts: TaskOptions<ScanProgress> & { top: number }): Promise<HotspotScan>;
}

// A place where mail piles up, known from Postfix's settings (shown even without a scan; src/ops/mail-paths.ts).
export type MailPath = OpsMailPath;

// Known mail paths of the Postfix instance being rescued.
export interface MailPathsPort {
  list(): Promise<MailPath[]>;
}
