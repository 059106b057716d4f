import type { Finding } from '../../core/prevent/finding.js';
import type { RecordResult } from './evidence.js';

// Step 6's port: the prevention findings of the rescued system, the review and application of
// one fix (the same op as `spoolrescue prevent --apply`), and the incident's closing section.

// The findings and the files that could not be read.
export interface PreventionReport {
  findings: Finding[];
  unreadable: string[];
}

// One fix as the operator reviews it: the diff and command lines, or why it is refused.
export interface FixReview {
  id: string;
  /** Opaque handle of the plan kept by the port, passed back to apply exactly what was shown. */
  handle: number;
  lines: string[];
  refusal: string | null;
}

// What applying did, in lines for the screen, and whether the finding is gone.
export interface FixApplied {
  id: string;
  ok: boolean;
  fixed: boolean;
  lines: string[];
}

// Step 6: prevention on the rescued system's configuration.
export interface SummaryPort {
  /** The findings; with the walk's incident file, a recorded mail log analysis weighs the queue lifetimes. */
  prevention(incidentFile?: string): Promise<PreventionReport>;
  planFix(id: string, forwardRootTo?: string): Promise<FixReview>;
  applyFix(review: FixReview, incidentFile?: string): Promise<FixApplied>;
  /** Appends the closing section (timeline, fixes, open findings) to the incident file. */
  closing(incidentFile: string, fixed: string[]): Promise<RecordResult>;
}
