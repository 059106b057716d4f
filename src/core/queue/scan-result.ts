import type { ShapeRow } from './aggregate.js';
import type { GroupKey } from './keys.js';
import type { KeptIds } from './kept-ids.js';
import type { QueueMessage, QueueName, QueueProblem, SelectedMessage } from './message.js';
import type { Verdict } from './verdicts.js';

// What a scan found: the qshape-style table, verdicts, the selection and what was passed over.
export interface QueueScan {
  by: GroupKey;
  bucketLabels: string[];
  rows: ShapeRow[];
  rest: ShapeRow | null;
  totals: ShapeRow;
  /** Messages read, those with parse errors, those still being written (skipped like qshape). */
  messages: number;
  broken: number;
  incomplete: number;
  /** Files that vanished between readdir and open (delivered meanwhile). */
  vanished: number;
  perQueue: Record<string, number>;
  verdicts: Verdict[];
  selected: SelectedMessage[];
  selectedBytes: number;
  /** Selected messages with recipients the --match did not name (they go too). */
  selectedBeyond: number;
  /** A few selected messages with their headers, for the review and the incident file. */
  sample: QueueMessage[];
  /** First few messages with parse errors (queue, id, errors), for the operator to look at. */
  brokenSample: { queue: QueueName; id: string; errors: QueueProblem[] }[];
  notes: { subdirs: number; strays: number; missingQueues: string[]; unreadable: { dir: string; error: string }[]; overflowKeys: number; mountPoints?: string[] };
  aborted: boolean;
  elapsedMs: number;
  /** The files of each row, when the scan was asked to keep them (the walk's review). */
  kept?: KeptIds;
}
