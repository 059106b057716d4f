import type { PreventionItem } from '../core/prevention-advice.js';

// What each screen of the walk needs from the outside world, as interfaces. Screens and the
// reducer know only these; real-ports.ts wires them to the cores, component tests pass fakes.
// The shapes follow the subcommands' --json documents so wiring a core is a thin mapping.

// A part of the walk whose core is not in this build: the screen says so, nothing is faked.
export interface Unavailable {
  readonly unavailable: string;
}

// Either the capability or the reason it is missing.
export type Maybe<T> = T | Unavailable;

// Narrows a Maybe to the capability.
export function isAvailable<T extends object>(p: Maybe<T>): p is T {
  return !('unavailable' in p);
}

// Options every long operation takes: Ctrl-C / Esc abort it, progress goes to the screen.
export interface TaskOptions<P> {
  signal: AbortSignal;
  onProgress?: (progress: P) => void;
}

// ---- Disks (spoolrescue df --json) ----------------------------------------------------------

// One filesystem row of `df --json`.
export interface FilesystemRow {
  mount: string;
  device: string;
  fstype: string;
  sizeBytes: number;
  usedBytes: number;
  availBytes: number;
  reservedBytes: number;
  inodes: number;
  inodesUsed: number;
  inodesFree: number;
  usePercent: number;
  inodeUsePercent: number;
  readOnly: boolean;
  /** Why this filesystem needs attention, in words ("bytes 97% used", "read-only"); empty when fine. */
  flags: string[];
}

// A file deleted but still held open by a process: df counts it, du does not.
export interface DeletedOpenFile {
  pid: number;
  command: string;
  fd: number;
  path: string;
  sizeBytes: number;
  mount: string;
}

// The whole `df --json` document; deletedOpen is null when this build cannot look.
export interface DfReport {
  filesystems: FilesystemRow[];
  deletedOpen: DeletedOpenFile[] | null;
  /** Why deletedOpen is null. */
  deletedOpenNote?: string;
}

// Step 1: filesystems now (called at start and again for the summary's before/after).
export interface DisksPort {
  loadDisks(): Promise<DfReport>;
}

// ---- Hotspots (spoolrescue hotspots --json) -------------------------------------------------

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

// ---- Look inside (spoolrescue ls --json) ----------------------------------------------------

// One entry as `ls --json` gives it (mtime in ms since the epoch).
export interface LsEntry {
  name: string;
  type: string;
  size: number | null;
  mtime: number | null;
  error?: string;
}

// Forward-only reader over a huge directory: each page continues where the last one stopped.
export interface DirectoryPager {
  next(count: number, signal: AbortSignal): Promise<{ entries: LsEntry[]; done: boolean }>;
  close(): void;
}

// lstat facts of the thing the operator picked (a directory or a spool file).
export interface PathFacts {
  path: string;
  kind: 'dir' | 'file' | 'symlink' | 'other' | 'missing';
  sizeBytes: number;
  mode: number;
  uid: number;
  gid: number;
  owner?: string;
  group?: string;
  mtimeMs: number;
  error?: string;
}

// Step 3: unsorted, streaming, capped listing; counting and oldest/newest on demand.
export interface LookInsidePort {
  stat(path: string): Promise<PathFacts>;
  open(dirPath: string): DirectoryPager;
  count(dirPath: string, opts: TaskOptions<number>): Promise<number>;
  oldestNewest(dirPath: string, k: number, opts: TaskOptions<number>): Promise<{ oldest: LsEntry[]; newest: LsEntry[]; count: number }>;
}

// ---- Evidence (spoolrescue capture --json) --------------------------------------------------

// A filesystem the incident file could go to, judged by the destination rules.
export interface Destination {
  mount: string;
  fstype: string;
  availBytes: number;
  usePercent: number;
  /** Suggested directory for the incident file on this filesystem. */
  dir: string;
  /** Passes the rules (writable, < 98% full, >= 10 MB available). */
  ok: boolean;
  /** Why it is not ok, or a warning. */
  reason?: string;
  /** Holds what is being rescued or is flagged full: hidden unless asked for. */
  troubled: boolean;
}

// One captured section of the incident file.
export interface CaptureSection {
  title: string;
  source: string;
  kind: 'mbox' | 'queue' | 'log' | 'snapshot' | 'note';
  sha256: string;
  bytes: number;
  /** Problem window: first and last dates found, when the kind has them. */
  firstDate?: string;
  lastDate?: string;
}

// What a capture wrote.
export interface CaptureResult {
  incidentFile: string;
  sections: CaptureSection[];
  /** Set when a write failed mid-way (ENOSPC, EROFS): what was kept and what to do. */
  warning?: string;
}

// Progress of a capture (bytes read, what is being read).
export interface CaptureProgress {
  bytesRead: number;
  what: string;
}

// What to capture and where.
export interface CaptureRequest {
  source: string;
  incidentFile: string;
  messages: number;
}

// Appending one section the walk wrote itself (disks snapshot, summary).
export interface RecordResult {
  ok: boolean;
  incidentFile: string;
  section?: CaptureSection;
  message?: string;
}

// Step 4: where evidence may go, the capture itself, and the walk's own notes.
export interface EvidencePort {
  destinations(troubledMounts: readonly string[], sourcePath?: string): Promise<Destination[]>;
  capture: Maybe<{ run(req: CaptureRequest, opts: TaskOptions<CaptureProgress>): Promise<CaptureResult> }>;
  record(incidentFile: string, title: string, markdown: string): Promise<RecordResult>;
}

// ---- Purge / truncate (spoolrescue purge --json, truncate) ----------------------------------

// The plan shown before anything is destroyed.
export interface PurgePlan {
  target: string;
  strategy: 'swap' | 'in-place' | 'postsuper';
  strategyReason: string;
  entries: number;
  bytes: number;
  uid: number;
  gid: number;
  owner: string;
  group: string;
  mode: number;
  selinuxLabel: string | null;
  postfixRunning: boolean | null;
  /** When set, the purge is refused (exit 3 in the CLI) and nothing may be confirmed. */
  refusal?: string;
  warnings: string[];
}

// Live figures of a running purge.
export interface PurgeProgress {
  removed: number;
  total: number | null;
  bytesFreed: number;
  /** Entries per second. */
  rate: number;
  etaSeconds: number | null;
}

// After a purge: is DIR back exactly as it was, and what Postfix says.
export interface PurgeVerification {
  ownerOk: boolean;
  groupOk: boolean;
  modeOk: boolean;
  labelOk: boolean | null;
  postfixCheck: { ran: boolean; ok: boolean; output: string } | null;
}

// How a purge ended.
export interface PurgeResult {
  outcome: 'done' | 'aborted' | 'failed';
  removed: number;
  bytesFreed: number;
  seconds: number;
  verification: PurgeVerification | null;
  message?: string;
}

// Step 5a: plan, then execute with progress and abort.
export interface PurgePort {
  plan(dir: string, opts: TaskOptions<number>): Promise<PurgePlan>;
  execute(plan: PurgePlan, opts: TaskOptions<PurgeProgress> & { incidentFile?: string }): Promise<PurgeResult>;
}

// The plan of a truncate: the spool's facts and whether evidence of it exists.
export interface TruncatePlan {
  target: string;
  sizeBytes: number;
  owner: string;
  group: string;
  mode: number;
  lock: string;
  hasEvidence: boolean;
  refusal?: string;
}

// How a truncate ended.
export interface TruncateResult {
  ok: boolean;
  sizeBefore: number;
  sizeAfter: number;
  message?: string;
}

// Step 5b: truncate a spool in place under Postfix's lock.
export interface TruncatePort {
  plan(spool: string, incidentFile: string | undefined): Promise<TruncatePlan>;
  execute(plan: TruncatePlan, incidentFile: string | undefined): Promise<TruncateResult>;
}

// ---- Summary ---------------------------------------------------------------------------------

// One thing that stops the disk filling again, and whether this server already does it.
export type { PreventionItem };

// Step 6: prevention checks on the rescued system's configuration.
export interface SummaryPort {
  prevention(): Promise<PreventionItem[]>;
}

// ---- The whole set ---------------------------------------------------------------------------

// Facts about this run that every screen may show.
export interface SessionInfo {
  hostname: string;
  /** --root, when the rescued system is not the live one. */
  root?: string;
  /** The system path a host path stands for (identity without --root). */
  show(hostPath: string): string;
  /** Host path of a system path typed by the operator. */
  resolve(typed: string): string;
  now(): Date;
}

// Everything the walk talks to.
export interface Ports {
  session: SessionInfo;
  disks: DisksPort;
  hotspots: Maybe<HotspotsPort>;
  mailPaths: MailPathsPort;
  inside: LookInsidePort;
  evidence: EvidencePort;
  purge: Maybe<PurgePort>;
  truncate: Maybe<TruncatePort>;
  summary: SummaryPort;
}
