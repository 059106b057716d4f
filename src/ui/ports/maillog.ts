import type { PassReport } from '../../core/maillog/pass-report.js';

// The Why step's port: the first look at the mail logs (at once), then the full pass.

// What the first look shows, or why there is nothing to look at.
export interface MaillogLook {
  refused: { reason: string; hint?: string } | null;
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
}
