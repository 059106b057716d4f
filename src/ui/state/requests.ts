import type {
  CaptureProgress,
  CaptureRequest,
  CaptureResult,
  Destination,
  DfReport,
  HotspotDir,
  HotspotReport,
  DirScan,
  ListingPage,
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
import type { Command, InkKey } from '../keys.js';
import type { MaillogLook, MaillogPass, MaillogProgress } from '../ports/maillog.js';

// Side effects the reducer asks for, as data: the runner (effects/) performs them against the
// ports and answers with actions carrying the same token. Tests read them without running anything.
export type Request =
  | { kind: 'loadDisks'; token: number; purpose: 'start' | 'summary' }
  | { kind: 'mailPaths'; token: number }
  | { kind: 'scan'; token: number; mount: string; top: number }
  | { kind: 'children'; token: number; path: string; by: 'bytes' | 'entries' }
  | { kind: 'stat'; token: number; path: string }
  | { kind: 'openPager'; token: number; path: string }
  | { kind: 'nextPage'; token: number; pager: number; count: number }
  | { kind: 'closePager'; token: number; pager: number }
  | { kind: 'count'; token: number; path: string }
  | { kind: 'oldestNewest'; token: number; path: string; k: number }
  | { kind: 'destinations'; token: number; report: DfReport | null; troubled: string[]; source?: string; fileName: string }
  | { kind: 'capture'; token: number; request: CaptureRequest }
  | { kind: 'record'; token: number; file: string; title: string; markdown: string; purpose: 'snapshot' | 'summary' }
  | { kind: 'purgePlan'; token: number; path: string; incidentFile?: string }
  | { kind: 'purgeExecute'; token: number; review: PurgeReview; incidentFile?: string }
  | { kind: 'truncatePlan'; token: number; path: string; incidentFile?: string }
  | { kind: 'truncateExecute'; token: number; plan: TruncatePlan; incidentFile?: string }
  | { kind: 'prevention'; token: number }
  | { kind: 'maillogLook'; token: number; files: string[]; width: number }
  | { kind: 'maillogPass'; token: number; files: string[] }
  | { kind: 'preventPlan'; token: number; id: string; forwardRootTo?: string }
  | { kind: 'preventApply'; token: number; review: FixReview; incidentFile?: string }
  | { kind: 'closing'; token: number; file: string; fixed: string[] }
  | { kind: 'abort'; token: number; task: number };

// What each request kind answers with.
export interface ResultOf {
  loadDisks: DfReport;
  mailPaths: MailPath[];
  scan: HotspotReport;
  children: HotspotDir[];
  stat: PathFacts;
  openPager: true;
  nextPage: ListingPage;
  closePager: true;
  count: DirScan;
  oldestNewest: DirScan;
  destinations: Destination[];
  capture: CaptureResult;
  record: RecordResult;
  purgePlan: PurgeReview;
  purgeExecute: PurgeResult;
  truncatePlan: TruncatePlan;
  truncateExecute: TruncateResult;
  prevention: PreventionReport;
  preventPlan: FixReview;
  preventApply: FixApplied;
  closing: RecordResult;
  maillogLook: MaillogLook;
  maillogPass: MaillogPass;
  abort: true;
}

// What each long request reports while it runs.
export interface ProgressOf {
  scan: ScanProgress;
  count: number;
  oldestNewest: number;
  capture: CaptureProgress;
  purgePlan: PurgeProgress;
  purgeExecute: PurgeProgress;
  maillogPass: MaillogProgress;
}

type Kind = Request['kind'];

// A finished request, typed by kind.
export type DoneAction = { [K in Kind]: { type: 'done'; kind: K; token: number; value: ResultOf[K]; atMs: number } }[Kind];

// A progress report, typed by kind.
export type ProgressAction = { [K in keyof ProgressOf]: { type: 'progress'; kind: K; token: number; progress: ProgressOf[K] } }[keyof ProgressOf];

// A request that failed (the error is one line for the operator) or was stopped.
export type FailedAction = { type: 'failed'; kind: Kind; token: number; error: string; atMs: number };
// A request stopped by the operator (Esc, Ctrl-C) before it finished.
export type AbortedAction = { type: 'aborted'; kind: Kind; token: number; atMs: number };

// Every answer of the runner.
export type ResultAction = DoneAction | ProgressAction | FailedAction | AbortedAction;

// Everything the reducer handles.
export type Action =
  | { type: 'key'; input: string; key: InkKey }
  | { type: 'command'; command: Command }
  | { type: 'typed'; text: string }
  | { type: 'erase' }
  | { type: 'submit' }
  | { type: 'menuSelect'; value: string }
  | { type: 'resize'; columns: number; rows: number }
  | { type: 'requestsTaken'; upTo: number }
  | { type: 'stopAll' }
  | ResultAction;
