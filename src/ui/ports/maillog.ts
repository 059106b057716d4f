import type { PassReport } from '../../core/maillog/pass-report.js';
import type { Refusal } from '../../core/refusal.js';

// The Why step's port: the first look at the mail logs (at once), then the full pass.

// What the first look shows, or why there is nothing to look at.
export interface MaillogLook {
  refused: Pick<Refusal, 'reason' | 'hint'> | null;
  /** Lines of the first look (files, bytes per day), ready to show. */
  lines: string[];
  /** Host paths of the logs, in the order the pass reads them. */
  files: string[];
  bytesTotal: number;
}

// The full pass's answer.
export interface MaillogPass {
  report: PassReport;
  complete: boolean;
  elapsedMs: number;
  /** Host paths of the logs read, in order (what the incident section names). */
  files: string[];
}

// What recording the analysis in the incident file did (a refusal or a failed write is data).
export interface MaillogRecorded {
  ok: boolean;
  incidentFile: string;
  bytesWritten: number;
  /** Why nothing (or only part) was written, and where it could go instead. */
  message?: string;
  /** A destination chosen knowingly although the rules hide it: what the operator should know. */
  warnings: string[];
}

// Which analysis goes into which incident file.
export interface MaillogRecordRequest {
  incidentFile: string;
  /** The destination was chosen knowingly from the full list (troubled or too full). */
  force: boolean;
  pass: MaillogPass;
}

// Progress of the full pass.
export interface MaillogProgress {
  bytesDone: number;
  bytesTotal: number;
  lines: number;
  fileIndex: number;
  files: number;
}

// Step "Why": analyse the given logs, or the system's (files empty).
export interface MaillogPort {
  look(files: string[], width: number): Promise<MaillogLook>;
  pass(files: string[], o: { signal: AbortSignal; onProgress: (p: MaillogProgress) => void }): Promise<MaillogPass>;
  /** Appends the analysis to the incident file (the section `prevent` reads the retry storm from). */
  record(req: MaillogRecordRequest): Promise<MaillogRecorded>;
}
