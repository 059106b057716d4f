import type { GroupKey } from '../../core/queue/keys.js';
import type { QueueScan } from '../../core/queue/scan-result.js';
import type { QueueActionProgress } from '../../ops/queue-action.js';
import type { QueueScanProgress } from '../../ops/queue.js';
import type { TaskOptions } from './common.js';

// The Queue step's port: the queue op's scan (table, verdicts, progress), the review of some rows
// of the table as a selection, and the action on it after the typed confirmation.

// Live figures of a scan (files of the total, rate, ETA) and of an action (messages done).
export type { QueueScanProgress, QueueActionProgress };

// What the scan found, with where it read and whether Postfix runs.
export interface QueueShape {
  /** The queue directory as a path of the rescued system. */
  queueDir: string;
  /** Whether Postfix runs, and how that was decided. */
  postfix: string;
  scan: QueueScan;
}

// The actions the walk offers on a selection of rows, in the order x cycles them (hold first:
// held mail can be released; delete second: the other way to free space).
export const QUEUE_STEP_ACTIONS = ['hold', 'delete', 'release', 'requeue'] as const;
export type QueueStepAction = (typeof QUEUE_STEP_ACTIONS)[number];

// What to review: rows of the table by a key, or (keys empty) a selection typed as one line in
// the CLI's words (`domain=*.example older-than=4d`, core/queue/selection-line.ts).
export interface QueueReviewRequest {
  by: GroupKey;
  keys: string[];
  action: QueueStepAction;
  line?: string;
}

// What an action on some rows would touch (the files the table's scan kept for them, or read
// again when it could not keep them all); or why it is refused.
export interface QueueReview {
  /** Ties the action to this very review (the IDs read for it). */
  handle: number;
  action: QueueStepAction;
  by: GroupKey;
  /** The rows chosen (none: the selection was typed, see match). */
  keys: string[];
  /** The selection as FIELD=GLOB (the CLI's --match), one per row, or the typed line as understood. */
  match: string;
  count: number;
  bytes: number;
  /** Messages read that the action leaves alone, and their bytes. */
  staysCount: number;
  staysBytes: number;
  /** Selected messages that also have recipients outside the row (they go too). */
  beyond: number;
  /** The op's review: count, bytes, sample, how it would run, warnings. */
  lines: string[];
  /** When set, nothing may be confirmed. */
  refusal?: string;
}

// How the action ended.
export interface QueueActResult {
  ok: boolean;
  aborted: boolean;
  done: number;
  selected: number;
  bytesFreed: number;
  /** Outcome, warnings, failures, postfix check, incident file. */
  lines: string[];
}

// Step "Queue": scan by a key, review some rows, act on them.
export interface QueuePort {
  scan(by: GroupKey, o: TaskOptions<QueueScanProgress>): Promise<QueueShape>;
  review(req: QueueReviewRequest, o: TaskOptions<QueueScanProgress>): Promise<QueueReview>;
  act(review: QueueReview, o: TaskOptions<QueueActionProgress> & { incidentFile?: string }): Promise<QueueActResult>;
}
