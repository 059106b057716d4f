import type { Maybe, TaskOptions } from './common.js';

// Step 4's port, typed after `spoolrescue capture --json`.

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
