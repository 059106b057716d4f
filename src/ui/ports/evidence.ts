import type { DfReport } from '../../core/disks/model.js';
import type { DestinationChoice } from '../../ops/incident-destination.js';
import type { TaskOptions } from './common.js';

// Step 4's port: where the incident file may go (the destination rules of `spoolrescue capture`),
// the capture itself (the evidence core), and the walk's own sections.

// A filesystem the incident file could go to, judged by the destination rules (src/ops/incident-destination.ts).
export type Destination = DestinationChoice;

// What a capture wrote: the evidence core's summary lines (dates, counts, SHA-256) for the screen.
export interface CaptureResult {
  incidentFile: string;
  kind: string;
  /** System path of what was captured. */
  source: string;
  sha256: string;
  /** Lines for the screen, from the evidence core (first/last dates, counts, the hash). */
  summary: string[];
  bytesWritten: number;
  /** Set when writing the section failed (ENOSPC, EROFS): what was kept and what to do. */
  warning?: string;
}

// Progress of a capture, as the evidence core reports it.
export interface CaptureProgress {
  phase: 'reading' | 'counting' | 'listing';
  done: number;
  /** 0 when unknown (directory listings). */
  total: number;
}

// What to capture and where.
export interface CaptureRequest {
  source: string;
  incidentFile: string;
  messages: number;
  /** The operator picked a destination the rules hide (troubled or too full): write anyway. */
  force?: boolean;
}

// A section the walk wrote itself (disks snapshot, summary) as the screen shows it.
interface RecordedSection {
  title: string;
  sha256: string;
  bytes: number;
}

// Appending one section the walk wrote itself.
export interface RecordResult {
  ok: boolean;
  incidentFile: string;
  section?: RecordedSection;
  message?: string;
}

// Step 4: where evidence may go, the capture itself, and the walk's own notes.
export interface EvidencePort {
  /** Every filesystem judged as a destination; `report` is the df report the Disks step read. */
  destinations(req: { report: DfReport | null; troubled: readonly string[]; source?: string; fileName: string }): Promise<Destination[]>;
  capture: { run(req: CaptureRequest, opts: TaskOptions<CaptureProgress>): Promise<CaptureResult> };
  record(incidentFile: string, title: string, markdown: string): Promise<RecordResult>;
}
