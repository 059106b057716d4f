import type {
  CaptureProgress,
  CaptureResult,
  Destination,
  DfReport,
  HotspotDir,
  HotspotReport,
  DirScan,
  LsEntry,
  MailPath,
  PathFacts,
  FixApplied,
  FixReview,
  PreventionReport,
  PurgeProgress,
  PurgeResult,
  PurgeReview,
  RecordResult,
  ScanProgress,
  TruncatePlan,
  TruncateResult,
} from '../ports.js';
import type { Request } from './requests.js';
import type { WhyState } from './why.js';

// The steps of the walk, in order.
export type StepId = 'disks' | 'hotspots' | 'inside' | 'evidence' | 'purge' | 'summary' | 'why';

// How far the operator got with a step; the step line shows it.
export type StepMark = 'todo' | 'visited' | 'done' | 'skipped';

// Something asynchronous the walk waits for. The token ties a result to the request that asked
// for it, so a late answer about a path the operator has left is ignored.
export type Task<T, P = never> =
  | { status: 'idle' }
  | { status: 'running'; token: number; progress: P | null; stopping: boolean }
  | { status: 'done'; token: number; value: T }
  | { status: 'failed'; token: number; error: string }
  | { status: 'aborted'; token: number };

// The path the operator picked to look inside, capture or purge (host path).
export interface Target {
  path: string;
  kind: 'dir' | 'file';
  /** Mail path tag, e.g. "Postfix maildrop". */
  tag?: string;
}

// A line for the operator under the screen.
export interface Notice {
  text: string;
  tone: 'info' | 'warn' | 'error';
}

// One thing the walk did, for the summary and the incident file.
export interface LogEntry {
  atMs: number;
  text: string;
}

// A modal choice menu (rendered with ink-select-input): what to do with a picked path.
export interface Menu {
  title: string;
  items: { label: string; value: string }[];
  target: Target;
}

// A text the operator types: an incident file path, a path to look inside, a confirmation.
export interface TextInput {
  purpose: 'incident-path' | 'goto' | 'confirm-purge' | 'confirm-truncate' | 'confirm-prevent' | 'forward-root-to';
  prompt: string;
  buffer: string;
  /** For confirmations: what must be typed. */
  expected?: string;
}

// A yes/no question whose default is no.
export interface YesNo {
  purpose: 'quit-while-running';
  question: string;
}

// What the Hotspots list shows: a ranking, the largest files, the mail paths, or a drill-down.
export type HotspotsView = 'entries' | 'bytes' | 'files' | 'mail' | 'browse';

// Step 1: the df report, the first one kept as the summary's "before".
export interface DisksState {
  load: Task<DfReport>;
  /** The first report: "before" in the summary. */
  initial: DfReport | null;
  cursor: number;
}

// Step 2: the scan, the current view and drill-down, the known mail paths.
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

// Step 3: the open directory, the pages read so far, count and oldest/newest on demand.
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

// Step 4: source, destinations, the chosen one, and what was written.
export interface EvidenceState {
  source: Target | null;
  destinations: Task<Destination[]>;
  showAll: boolean;
  destination: Destination | null;
  capture: Task<CaptureResult, CaptureProgress>;
  snapshot: Task<RecordResult>;
  messages: number;
}

// Step 5: plan and run of a purge (directory) or a truncate (spool file).
export interface PurgeState {
  target: Target | null;
  plan: Task<PurgeReview, PurgeProgress>;
  run: Task<PurgeResult, PurgeProgress>;
  truncatePlan: Task<TruncatePlan>;
  truncateRun: Task<TruncateResult>;
}

// Step 6: the "after" disks, the prevention checks, and what was recorded.
export interface SummaryState {
  after: Task<DfReport>;
  prevention: Task<PreventionReport>;
  /** The finding under the cursor. */
  cursor: number;
  /** The fix of one finding, as reviewed before the typed confirmation. */
  review: Task<FixReview>;
  applied: Task<FixApplied>;
  /** Ids fixed during the walk, for the closing section. */
  fixed: string[];
  recorded: Task<RecordResult>;
  /** The closing section (timeline, fixes, open findings) appended after the summary. */
  closing: Task<RecordResult>;
  /** Log entries already written to the incident file by a summary section. */
  recordedUpTo: number;
}

// The whole walk.
export interface WalkState {
  step: StepId;
  marks: Record<StepId, StepMark>;
  columns: number;
  rows: number;
  helpOpen: boolean;
  /** First line of the full help on screen (it scrolls on short terminals). */
  helpTop: number;
  menu: Menu | null;
  input: TextInput | null;
  question: YesNo | null;
  notice: Notice | null;
  target: Target | null;
  incidentFile: string | null;
  /** File name proposed for a new incident file (host and start time in it). */
  incidentName: string;
  log: LogEntry[];
  disks: DisksState;
  hotspots: HotspotsState;
  inside: InsideState;
  evidence: EvidenceState;
  purge: PurgeState;
  summary: SummaryState;
  why: WhyState;
  nextToken: number;
  requests: Request[];
  quit: boolean;
}

// Path mapping the reducer needs (pure string functions from the session, no I/O).
export interface ReducerEnv {
  /** How a host path is shown (its system path under --root). */
  show(hostPath: string): string;
  /** Host path of a path the operator typed. */
  resolve(typed: string): string;
}
