import type { DfReport } from '../../core/disks/model.js';
import type { SummaryLine } from '../../core/incident/evidence.js';
import type { RescuePlan } from '../../core/plan/rescue-plan.js';
import type { CaptureAllProgress } from '../../ops/capture-all.js';
import type { MailFlowLine } from '../../ops/mail-flow.js';
import type { TaskOptions } from './common.js';

// The Plan step's port: the short rescue plan (src/ops/rescue-plan.ts), the evidence of every
// source it names in one go (src/ops/capture-all.ts) and, after the purge, the mail flow check
// (src/ops/mail-flow.ts).

export type { RescuePlan, CaptureAllProgress, MailFlowLine, SummaryLine };

// One captured source as the screen shows it.
interface CapturedItem {
  /** System path of the source. */
  source: string;
  ok: boolean;
  /** What was captured: mbox, queue, log or raw (the evidence's kind). */
  kind?: string;
  /** The evidence core's lines with what each tells (head, dates, counts, the hash). */
  lines: SummaryLine[];
  /** Why it was not captured. */
  error?: string;
  /** Why its section was written only in part. */
  warning?: string;
  sha256?: string;
}

// What the capture of every source wrote; firstLook: the mail log's first look (its lines as the
// maillog step shows them, or the error), null when there was no mail log or it was not reached.
export interface CaptureAllResult {
  incidentFile: string;
  items: CapturedItem[];
  firstLook?: { ok: boolean; lines: string[]; warning?: string } | null;
  aborted: boolean;
}

// What the mail flow check did, or why it was not done.
export interface MailFlowResult {
  refusal: string | null;
  started: boolean;
  delivered: boolean;
  /** What was run and what it said, each line with its kind (the screen colours by kind). */
  lines: MailFlowLine[];
}

// The plan, the evidence in one go, the mail flow check.
export interface PlanPort {
  /** The plan for the selected filesystem (its device id) when it has a culprit, else the fullest's. */
  propose(report: DfReport | null, fileName: string, preferDevId?: string): Promise<RescuePlan | null>;
  captureAll(req: { sources: string[]; incidentFile: string; messages: number; maillogs?: string[] }, opts: TaskOptions<CaptureAllProgress>): Promise<CaptureAllResult>;
  /** Starts Postfix when stopped and sends the test message to `recipient` (a checked address). */
  mailFlow(opts: { signal: AbortSignal; recipient: string }): Promise<MailFlowResult>;
}
