import { bucketOf, QSHAPE_BUCKETS, type BucketScheme } from './age-buckets.js';
import { rowKeys, type GroupKey } from './keys.js';
import { queueArgsText } from './args-messages.js';
import { pendingRecipients, type QueueMessage } from './message.js';

// One row of the table: counts and bytes per age bucket, totals first.
export interface ShapeRow {
  key: string;
  /** Recipients for `domain` (as qshape counts), messages for every other key. */
  total: number;
  messages: number;
  bytes: number;
  buckets: number[];
}

// The running table: bounded by maxKeys distinct rows (later new keys are summed into one row),
// so a spam run with a million random senders never holds a million rows.
export interface ShapeTable {
  by: GroupKey;
  scheme: BucketScheme;
  rows: Map<string, ShapeRow>;
  totals: ShapeRow;
  /** Messages seen, and those with a parse error. */
  messages: number;
  broken: number;
  /** Rows not kept because maxKeys was reached (their counts are in the overflow row). */
  overflowKeys: number;
  maxKeys: number;
}

// The keys of the two made-up rows: English, as --json shows them (shapeRowLabel words them for people).
/** @internal unit-tested on its own: test/core/queue-triage.test.ts */
export const OVERFLOW_KEY = queueArgsText('en').overflowRow;
const OTHERS_KEY = queueArgsText('en').restRow;

// A row's key as the table shows it: the made-up rows in the run's language, the others as they are.
export function shapeRowLabel(key: string): string {
  return key === OVERFLOW_KEY ? queueArgsText().overflowRow : key === OTHERS_KEY ? queueArgsText().restRow : key;
}

const emptyRow = (key: string, n: number): ShapeRow => ({ key, total: 0, messages: 0, bytes: 0, buckets: new Array(n).fill(0) });

// Starts an empty table for a key.
export function newShapeTable(by: GroupKey, scheme: BucketScheme = QSHAPE_BUCKETS, maxKeys = 100_000): ShapeTable {
  return { by, scheme, rows: new Map(), totals: emptyRow('TOTAL', scheme.count), messages: 0, broken: 0, overflowKeys: 0, maxKeys };
}

function rowFor(t: ShapeTable, key: string): ShapeRow {
  let row = t.rows.get(key);
  if (row) return row;
  if (t.rows.size >= t.maxKeys) {
    t.overflowKeys++;
    row = t.rows.get(OVERFLOW_KEY);
    if (row) return row;
    key = OVERFLOW_KEY;
  }
  row = emptyRow(key, t.scheme.count);
  t.rows.set(key, row);
  return row;
}

// Adds one message at time nowSec. For `domain` each pending recipient counts once (qshape);
// a message's bytes count once per row it touches.
export function addToShape(t: ShapeTable, m: QueueMessage, nowSec: number): void {
  t.messages++;
  if (m.errors.length) t.broken++;
  const b = bucketOf(nowSec - m.arrival_time, t.scheme);
  const keys = rowKeys(m, t.by);
  const perRecipient = t.by === 'domain';
  const units = perRecipient ? pendingRecipients(m).length : 1;
  t.totals.total += units;
  t.totals.buckets[b] += units;
  t.totals.messages++;
  t.totals.bytes += m.file_bytes;
  const seen = new Set<string>();
  for (const k of keys) {
    const row = rowFor(t, k);
    row.total++;
    row.buckets[b]++;
    if (seen.has(row.key)) continue;
    seen.add(row.key);
    row.messages++;
    row.bytes += m.file_bytes;
  }
}

// The top N rows by total (ties by key, for stable output) and the rest summed into one row.
export function topRows(t: ShapeTable, n: number): { rows: ShapeRow[]; rest: ShapeRow | null } {
  const all = [...t.rows.values()].sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rows = all.slice(0, n);
  if (all.length <= n) return { rows, rest: null };
  const rest = emptyRow(`${OTHERS_KEY} (${all.length - n})`, t.scheme.count);
  for (const r of all.slice(n)) {
    rest.total += r.total;
    rest.messages += r.messages;
    rest.bytes += r.bytes;
    r.buckets.forEach((c, i) => (rest.buckets[i] += c));
  }
  return { rows, rest };
}
