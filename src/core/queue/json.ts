import type { QueueMessage } from './message.js';
import { SCHEMA_VERSION } from '../json-vocabulary.js';
import type { QueueScan } from './scan-result.js';
import { queueVerdictJson } from './verdict-words.js';
import { envelopeProblemWords } from './envelope-problems.js';

// The JSON vocabulary of `queue`: --list lines are a superset of `postqueue -j` (same names for
// the same fields, readers ignore the rest); --json documents carry the table and verdicts.

const latin = (s: string) => /\uFFFD/.test(s);

// One --list line: postqueue -j's fields first, then what postqueue cannot show.
function listObject(m: QueueMessage): Record<string, unknown> {
  const pending = m.recipients.filter((r) => !r.done);
  return {
    queue_name: m.queue_name,
    queue_id: m.queue_id,
    arrival_time: m.arrival_time,
    message_size: m.message_size,
    // postqueue -j prints the null sender as MAILER-DAEMON; sender_null tells them apart
    sender: m.sender === '' ? 'MAILER-DAEMON' : m.sender,
    recipients: pending.map((r) => ({ address: r.address, ...(r.orig_address ? { orig_address: r.orig_address } : {}), ...(r.delay_reason ? { delay_reason: r.delay_reason } : {}) })),
    sender_null: m.sender === '',
    recipients_done: m.recipients.length - pending.length,
    next_retry: m.next_retry,
    file_bytes: m.file_bytes,
    sasl_method: m.sasl_method,
    sasl_username: m.sasl_username,
    client_address: m.client_address,
    client_name: m.client_name,
    helo: m.helo,
    origin: m.origin,
    uid: m.uid,
    path: m.path,
    ...(m.errors.length ? { errors: m.errors.map((p) => envelopeProblemWords(p, 'en')) } : {}),
    ...(m.sender !== null && latin(m.sender) ? { sender_not_utf8: true } : {}),
  };
}

// One line of --list (JSON Lines): the vocabulary's version, then the message.
export function listLine(m: QueueMessage): string {
  return JSON.stringify({ schemaVersion: SCHEMA_VERSION, ...listObject(m) }) + '\n';
}

// The --json document of a scan (without the selection's IDs unless asked).
export function scanJson(scan: QueueScan, withIds: boolean): Record<string, unknown> {
  const row = (r: QueueScan['totals']) => ({ key: r.key, total: r.total, messages: r.messages, sizeBytes: r.bytes, buckets: r.buckets });
  return {
    by: scan.by,
    unit: scan.by === 'domain' ? 'recipients' : 'messages',
    bucketMinutes: scan.bucketLabels,
    totals: row(scan.totals),
    rows: scan.rows.map(row),
    rest: scan.rest && row(scan.rest),
    messages: scan.messages,
    perQueue: scan.perQueue,
    broken: scan.broken,
    brokenSample: scan.brokenSample.map((b) => ({ ...b, errors: b.errors.map((p) => envelopeProblemWords(p, 'en')) })),
    incomplete: scan.incomplete,
    vanished: scan.vanished,
    verdicts: scan.verdicts.map(queueVerdictJson),
    selection: { count: scan.selected.length, sizeBytes: scan.selectedBytes, beyondMatch: scan.selectedBeyond, ...(withIds ? { ids: scan.selected.map((s) => ({ queue_name: s.queue, queue_id: s.id })) } : {}), sample: scan.sample.map(listObject) },
    notes: scan.notes,
    aborted: scan.aborted,
    elapsedMs: Math.round(scan.elapsedMs),
  };
}
