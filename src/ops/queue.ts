import { addToShape, newShapeTable, topRows } from '../core/queue/aggregate.js';
import { bucketLabels } from '../core/queue/age-buckets.js';
import { newTally, tallyMessage } from '../core/queue/evidence-tally.js';
import type { GroupKey } from '../core/queue/keys.js';
import type { QueueAction } from '../core/queue/parse-args.js';
import type { QueueMessage, QueueName } from '../core/queue/message.js';
import type { QueueScan } from '../core/queue/scan-result.js';
import { isEmptySelection, reachesBeyond, selects, type Selection } from '../core/queue/selection.js';
import { verdictsOf } from '../core/queue/verdicts.js';
import { keepMessage, keptSelection, newKeptIds } from '../core/queue/kept-ids.js';
import type { PostfixState } from '../io/postfix/status.js';
import { addDelayReasons, type HashLayout } from '../io/queue/defer-reasons.js';
import { readQueueMessage, type ReadOutcome } from '../io/queue/read-message.js';
import { defaultReadThreads, startReadPool } from '../io/queue/read-pool.js';
import { countQueueFiles, walkQueues, type WalkNotes } from '../io/queue/walk.js';
import { scanEtaS } from '../core/queue/scan-progress.js';
import type { QueueWarning } from './queue-warnings.js';
import { queueOpText } from './messages/queue.js';
import type { Refused } from '../core/refusal.js';

// Queue triage as a use case: plan (what to read, how an action would run, refusals) and run
// (one streaming pass over the queue files: table, verdicts, selection); the CLI and the walk
// both call these. Acting on the selection is in queue-action.ts.

// What the operator asked for, already parsed.
export interface QueueRequest {
  queueDir: string;
  configDir: string;
  queues: QueueName[];
  by: GroupKey;
  top: number;
  selection: Selection;
  action?: QueueAction;
  /** Read defer logs for delay reasons (needed by --by reason, --match reason=, --list). */
  wantReasons: boolean;
  sampleSize: number;
  hash: HashLayout;
  postsuperInstalled: boolean;
  /** Postfix's maillog_file when it logs there (not to syslog). */
  maillogFile?: string;
  /** Keep the files of each row, up to this many messages, for selectKeptRows (no second scan). */
  keepIds?: number;
  /** The selection is this list of queue IDs (--ids-from), not the envelopes' fields. */
  idsFrom?: string;
  /** Reader threads (default: min(cores, 4) from 5,000 files on, else 1; --list always 1). */
  workers?: number;
}

// Outside facts the plan needs.
export interface QueueDeps {
  postfixState(): Promise<PostfixState>;
  nowMs(): number;
}

// How an action will be carried out, decided before anything is read.
export interface QueuePlan extends QueueRequest {
  postfix: PostfixState;
  method: 'postsuper' | 'direct' | null;
  warnings: QueueWarning[];
}

// Progress of the scan: files read so far of the total counted first, the rate, elapsed time, ETA.
export interface QueueScanProgress {
  files: number;
  ratePerS: number;
  elapsedMs: number;
  /** Files the walk counted before reading (undefined while it counts). */
  total?: number;
  /** Seconds left at the current rate, once the total is known. */
  etaS?: number;
}

// Decides how to act (postsuper while Postfix runs or for hold/release/requeue, direct removal
// when it is stopped) and refuses what would be unsafe.
export async function planQueue(req: QueueRequest, deps: QueueDeps): Promise<QueuePlan | Refused> {
  const postfix = await deps.postfixState();
  const warnings: QueueWarning[] = [];
  let method: QueuePlan['method'] = null;
  const said = queueOpText();
  if (req.action) {
    if (isEmptySelection(req.selection) && !req.idsFrom) {
      return { refused: { code: 'no-selection', reason: said.noSelection(req.action), hint: said.selectHint } };
    }
    if (req.action !== 'delete' || postfix.running) {
      if (!req.postsuperInstalled) {
        const why = req.action === 'delete' ? said.runningNoPostsuper : said.needsPostsuper(req.action);
        return { refused: { code: 'no-postsuper', reason: why, hint: req.action === 'delete' ? said.stopPostfixFirst : said.installPostsuper } };
      }
      method = 'postsuper';
      if (!postfix.running && req.maillogFile) {
        // postsuper logs each message it moves; with postlogd down it opens maillog_file itself,
        // after dropping to mail_owner, cannot, and dies after the first message (exit 1)
        return { refused: { code: 'postsuper-cannot-log', reason: said.postsuperCannotLog(req.maillogFile, req.action), hint: said.startPostfix(req.configDir) } };
      }
      if (req.action === 'delete') warnings.push({ code: 'removed-lines' });
    } else method = 'direct';
    if (req.action === 'hold' && req.queues.includes('maildrop')) warnings.push({ code: 'maildrop-hold' });
    if (req.action === 'delete') warnings.push({ code: 'prefer-hold' });
  }
  return { ...req, postfix, method, warnings };
}

const emptyNotes = (): WalkNotes => ({ subdirs: 0, strays: 0, missingQueues: [], unreadable: [] });

/** Files handed to a reader thread at a time. */
const THREAD_BATCH = 512;
/** Below this many files the threads' start-up costs more than they save. */
const THREADS_FROM = 5_000;

// One streaming pass: reads each queue file's envelope (bounded memory whatever the queue size),
// adds it to the table, the verdict tally and the selection, and hands it to onMessages (--list).
// On a big queue the reads run in worker threads (batches of names out, messages back, folded
// here in arrival order, so the table is the same as one thread's); --list keeps one thread so
// its output streams in readdir order. Ctrl-C stops it and what was read so far is returned
// with aborted set (batches already in a thread are finished and counted).
export async function runQueueScan(
  plan: QueuePlan,
  deps: QueueDeps,
  onProgress?: (p: QueueScanProgress) => void,
  signal?: AbortSignal,
  onMessages?: (batch: QueueMessage[]) => Promise<void> | void,
): Promise<QueueScan> {
  const started = deps.nowMs();
  const nowSec = Math.floor(started / 1000);
  const table = newShapeTable(plan.by);
  const tally = newTally();
  const notes = emptyNotes();
  const scan: QueueScan = {
    by: plan.by, bucketLabels: bucketLabels(table.scheme), rows: [], rest: null, totals: table.totals, messages: 0, broken: 0, incomplete: 0, vanished: 0,
    perQueue: {}, verdicts: [], selected: [], selectedBytes: 0, selectedBeyond: 0, sample: [], brokenSample: [],
    notes: { ...notes, overflowKeys: 0 }, aborted: false, elapsedMs: 0,
  };
  const selecting = !isEmptySelection(plan.selection) || plan.action !== undefined;
  const kept = plan.keepIds ? newKeptIds(plan.by, plan.keepIds) : undefined;
  if (kept) scan.kept = kept;
  let files = 0;
  onProgress?.({ files: 0, ratePerS: 0, elapsedMs: 0 });
  const total = await countQueueFiles(plan.queueDir, plan.queues, signal);
  const readStart = deps.nowMs();
  const fold = (r: ReadOutcome, out: QueueMessage[] | null) => {
    files++;
    if ('gone' in r) {
      scan.vanished++;
      return;
    }
    if ('notFile' in r) {
      notes.strays++;
      return;
    }
    const m = r.message;
    if (!m.complete) {
      scan.incomplete++;
      return;
    }
    if (plan.wantReasons) addDelayReasons(plan.queueDir, m, plan.hash);
    addToShape(table, m, nowSec);
    tallyMessage(tally, m);
    if (kept) keepMessage(kept, m);
    scan.perQueue[m.queue_name] = (scan.perQueue[m.queue_name] ?? 0) + 1;
    if (m.errors.length && scan.brokenSample.length < 10) scan.brokenSample.push({ queue: m.queue_name, id: m.queue_id, errors: m.errors });
    const chosen = selecting && selects(plan.selection, m, nowSec);
    if (chosen) {
      scan.selected.push({ queue: m.queue_name, id: m.queue_id, rel: m.path, bytes: m.file_bytes });
      scan.selectedBytes += m.file_bytes;
      if (reachesBeyond(plan.selection, m)) scan.selectedBeyond++;
    }
    // --list with --match / --older-than lists the selection (a list to act on with --ids-from)
    if (chosen || !selecting) out?.push(m);
  };
  const report = () => {
    const elapsedMs = deps.nowMs() - started;
    const readMs = deps.nowMs() - readStart;
    const ratePerS = readMs > 0 ? (files * 1000) / readMs : 0;
    const shown = Math.max(total, files);
    onProgress?.({ files, ratePerS, elapsedMs, total: shown, etaS: scanEtaS({ files, total: shown, ratePerS, elapsedMs }) });
  };
  const threads = onMessages ? 1 : (plan.workers ?? (total >= THREADS_FROM ? defaultReadThreads() : 1));
  const pool = threads > 1 && !signal?.aborted ? startReadPool(threads) : null;
  const inFlight = new Set<Promise<void>>();
  // a reader thread that failed (it died, or could not start): the scan fails with its error
  let failed: { error: unknown } | undefined;
  try {
    if (signal?.aborted) throw new Error('aborted');
    for await (const batch of walkQueues(plan.queueDir, plan.queues, notes, signal)) {
      if (!pool) {
        const out: QueueMessage[] | null = onMessages ? [] : null;
        for (const e of batch) fold(readQueueMessage(e), out);
        if (onMessages && out?.length) await onMessages(out);
        report();
        continue;
      }
      for (let i = 0; i < batch.length; i += THREAD_BATCH) {
        if (signal?.aborted) throw new Error('aborted');
        // at most two batches per thread wait or run: memory stays flat whatever the queue size
        while (inFlight.size >= 2 * pool.size) await Promise.race(inFlight);
        if (failed) throw failed.error;
        const done: Promise<void> = pool
          .read(batch.slice(i, i + THREAD_BATCH))
          .then(
            (outcomes) => {
              for (const r of outcomes) fold(r, null);
              report();
            },
            (error: unknown) => {
              failed ??= { error };
            },
          )
          .finally(() => inFlight.delete(done));
        inFlight.add(done);
      }
    }
    await Promise.all(inFlight);
    if (failed) throw failed.error;
  } catch (e) {
    await Promise.allSettled(inFlight);
    if (!signal?.aborted) throw e;
    scan.aborted = true;
  } finally {
    await pool?.close();
  }
  const { rows, rest } = topRows(table, plan.top);
  Object.assign(scan, { rows, rest, messages: table.messages, broken: table.broken, verdicts: verdictsOf(tally), elapsedMs: deps.nowMs() - started });
  scan.notes = { ...notes, overflowKeys: table.overflowKeys };
  scan.sample = sampleOf(plan, scan);
  return scan;
}

// The selection of some rows of a scan that kept its files (the table, verdicts and counts stay
// the scan's; selected, bytes and the sample are the rows'), for the plan's action: no second
// pass over the queue. null when the scan kept no complete lists (then scan with the rows' rules).
export function selectKeptRows(plan: QueuePlan, scan: QueueScan, keys: readonly string[]): QueueScan | null {
  if (!scan.kept || scan.kept.by !== scan.by) return null;
  const picked = keptSelection(scan.kept, keys);
  if (!picked) return null;
  const rows: QueueScan = { ...scan, selected: picked.selected, selectedBytes: picked.bytes, selectedBeyond: picked.beyond, sample: [] };
  rows.sample = sampleOf(plan, rows);
  return rows;
}

// Re-reads the first selected messages with their headers, for the review and the incident file.
export function sampleOf(plan: QueuePlan, scan: QueueScan): QueueMessage[] {
  const out: QueueMessage[] = [];
  for (const s of scan.selected.slice(0, plan.sampleSize)) {
    const r = readQueueMessage({ queue: s.queue, id: s.id, rel: s.rel, full: `${plan.queueDir}/${s.rel}`, wantHeaders: true });
    if ('message' in r) out.push(r.message);
  }
  return out;
}
