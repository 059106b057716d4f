import type { TaskOptions } from './common.js';

// Step 2's ports, typed after `spoolrescue hotspots --json`, and the known mail paths.

// A directory ranked by what sits directly in it, with its subtree totals for drill-down.
export interface HotspotDir {
  path: string;
  bytes: number;
  entries: number;
  subtreeBytes: number;
  subtreeEntries: number;
  /** Mail path tag ("Postfix maildrop", "mail spool"), when the path is one. */
  tag?: string;
}

// One of the largest single files (a swollen mbox is one file).
export interface HotspotFile {
  path: string;
  bytes: number;
  tag?: string;
}

// The `hotspots --json` document.
export interface HotspotReport {
  root: string;
  device: string;
  totalBytes: number;
  totalEntries: number;
  byBytes: HotspotDir[];
  byEntries: HotspotDir[];
  largestFiles: HotspotFile[];
  errors: { path: string; message: string }[];
}

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
  /** Subdirectories of a scanned directory with their totals (files are summed into the parent). */
  children(dirPath: string): Promise<HotspotDir[]>;
}

// Step 2: du-style scan of one filesystem from a start path.
export interface HotspotsPort {
  scan(rootPath: string, opts: TaskOptions<ScanProgress> & { top: number }): Promise<HotspotScan>;
}

// A place where mail piles up, known from Postfix's settings (shown even without a scan).
export interface MailPath {
  path: string;
  /** "Postfix maildrop", "root's mailbox", "mail log" ... */
  label: string;
  kind: 'queue-dir' | 'spool-file' | 'spool-dir' | 'log-file';
  exists: boolean;
  /** File size, or the directory's own size (a bloated directory inode hints at millions of entries). */
  sizeBytes: number | null;
  error?: string;
}

// Known mail paths of the Postfix instance being rescued.
export interface MailPathsPort {
  list(): Promise<MailPath[]>;
}
