import { bucketLabels } from '../core/queue/age-buckets.js';
import { newShapeTable } from '../core/queue/aggregate.js';
import { parseIdLine } from '../core/queue/id-line.js';
import { queueIdsText } from '../core/queue/ids-messages.js';
import type { QueueScan } from '../core/queue/scan-result.js';
import { escapeName } from '../core/text/escape-name.js';
import { fmtCount } from '../core/text/units.js';
import { refuse, type Refused } from '../core/refusal.js';
import { idLineBatches, TOO_LONG_LINE, type IdSource } from '../io/queue/id-lines.js';
import { queueFileChecker } from '../io/queue/queue-file-check.js';
import { sampleOf, type QueuePlan } from './queue.js';

// The selection of `queue --ids-from`: the IDs the operator already chose (a `queue --list`,
// postqueue -j, bare IDs), found with one lstat each and no envelope read, so the action does not
// pay for a second selection. Lines that are not queue IDs refuse the whole list (a wrong file
// must not half-run); files that are not the queue's are counted and left alone.

// What became of the list's lines (facts for the review and --json).
export interface IdListNotes {
  lines: number;
  found: number;
  duplicates: number;
  gone: number;
  notFile: number;
  otherOwner: number;
  badDir: number;
  otherQueue: number;
  notIds: number;
}

// Progress while the list is read: lines so far, files found, rate and ETA (when its size is known).
export interface IdListProgress {
  lines: number;
  found: number;
  ratePerS: number;
  etaS?: number;
}

// The selection as a scan (no table: nothing was read but the names), with the list's notes.
export interface IdSelection {
  scan: QueueScan;
  ids: IdListNotes;
}

/** How many characters of a bad line the refusal shows. */
const SHOWN = 60;

// Reads the list (streamed), checks each ID's file, and builds the selection and its sample.
export async function selectByIds(plan: QueuePlan, src: IdSource, nowMs: () => number, onProgress?: (p: IdListProgress) => void, signal?: AbortSignal): Promise<IdSelection | Refused> {
  const started = nowMs();
  const table = newShapeTable(plan.by);
  const scan: QueueScan = {
    by: plan.by, bucketLabels: bucketLabels(table.scheme), rows: [], rest: null, totals: table.totals, messages: 0, broken: 0, incomplete: 0, vanished: 0,
    perQueue: {}, verdicts: [], selected: [], selectedBytes: 0, selectedBeyond: 0, sample: [], brokenSample: [],
    notes: { subdirs: 0, strays: 0, missingQueues: [], unreadable: [], overflowKeys: 0 }, aborted: false, elapsedMs: 0,
  };
  const ids: IdListNotes = { lines: 0, found: 0, duplicates: 0, gone: 0, notFile: 0, otherOwner: 0, badDir: 0, otherQueue: 0, notIds: 0 };
  let firstBad: { line: number; text: string } | undefined;
  const check = queueFileChecker(plan.queueDir, plan.hash);
  const asked = new Set<string>(plan.queues);
  // each file once, by its path below the queue directory (the string the selection keeps anyway)
  const seen = new Set<string>();
  for await (const { lines, bytes } of idLineBatches(src, signal)) {
    for (const line of lines) {
      ids.lines++;
      const p = parseIdLine(line);
      if ('blank' in p) continue;
      if ('bad' in p) {
        ids.notIds++;
        firstBad ??= { line: ids.lines, text: line === TOO_LONG_LINE ? '...' : line.slice(0, SHOWN) };
        continue;
      }
      if (p.queue && !asked.has(p.queue)) {
        ids.otherQueue++;
        continue;
      }
      let r: ReturnType<typeof check> = { gone: true };
      for (const q of p.queue ? [p.queue] : plan.queues) {
        r = check(q, p.id);
        if (!('gone' in r)) break;
      }
      if ('found' in r) {
        if (seen.has(r.found.rel)) ids.duplicates++;
        else {
          seen.add(r.found.rel);
          scan.selected.push(r.found);
          scan.selectedBytes += r.found.bytes;
          scan.perQueue[r.found.queue] = (scan.perQueue[r.found.queue] ?? 0) + 1;
        }
      } else if ('gone' in r) ids.gone++;
      else if ('notFile' in r) ids.notFile++;
      else if ('otherOwner' in r) ids.otherOwner++;
      else ids.badDir++;
    }
    const s = (nowMs() - started) / 1000;
    const ratePerS = s > 0 ? ids.lines / s : 0;
    const etaS = src.totalBytes && bytes > 0 && s > 0 ? (s * (src.totalBytes - bytes)) / bytes : undefined;
    onProgress?.({ lines: ids.lines, found: scan.selected.length, ratePerS, etaS });
  }
  if (signal?.aborted) scan.aborted = true;
  if (firstBad) {
    const t = queueIdsText();
    return refuse('not-queue-ids', t.notIds(fmtCount(ids.notIds), fmtCount(firstBad.line), escapeName(firstBad.text)), t.notIdsHint);
  }
  ids.found = scan.messages = scan.selected.length;
  scan.sample = sampleOf(plan, scan);
  scan.elapsedMs = nowMs() - started;
  return { scan, ids };
}
