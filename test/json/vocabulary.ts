// The JSON vocabulary of docs/json.md as mechanical checks: each returns the breaches it finds in one
// parsed document (an empty list when the document speaks the vocabulary).

/** Keys whose data is Postfix's own (postqueue -j and friends): their names are kept as they are. */
const POSTFIX_KEYS = new Set(['queue_name', 'queue_id', 'arrival_time', 'message_size', 'forced_expire', 'sender', 'recipients', 'address', 'delay_reason']);

/** Keys whose text is quoted exactly from a file (an mbox From_ line, headers, bytes of a file): not ours to reword. */
const RAW_KEYS = new Set(['fromLine', 'headers', 'text', 'head', 'tail', 'markdown']);
/** Keys that hold lines quoted from a log when their value is a list of strings. */
const RAW_LINES = new Set(['first', 'last']);

const BYTEISH = /size|bytes|avail|free/i;
// Numbers under a byte-looking key that are not byte counts: inode counts, percentages, counts.
const NOT_BYTES = /inode|Percent$|Count$/i;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const HAS_CLOCK = /\d{1,2}:\d{2}/;

// Breaches of the vocabulary in DOC (one top-level document or one JSON Lines line); ROOTS are the
// spellings of the --root directory the command ran with, so no `path` may start with them.
export function vocabularyBreaches(doc: unknown, ...roots: string[]): string[] {
  const out: string[] = [];
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return ['the document is not an object'];
  if ((doc as Record<string, unknown>).schemaVersion !== 1) out.push('schemaVersion is not 1');
  walk(doc, '$', roots, out);
  return out;
}

function walk(value: unknown, where: string, roots: string[], out: string[], raw = false): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${where}[${i}]`, roots, out, raw));
    return;
  }
  if (typeof value === 'string') {
    if (!raw) checkTime(value, where, out);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, v] of Object.entries(value)) {
    const at = `${where}.${key}`;
    if (!POSTFIX_KEYS.has(key)) checkKey(key, v, at, roots, out);
    const quoted = RAW_KEYS.has(key) || (RAW_LINES.has(key) && Array.isArray(v) && v.every((x) => typeof x === 'string'));
    walk(v, at, roots, out, raw || quoted);
  }
}

function checkKey(key: string, v: unknown, at: string, roots: string[], out: string[]): void {
  if (typeof v === 'number' && BYTEISH.test(key) && !NOT_BYTES.test(key) && !key.endsWith('Bytes') && !key.endsWith('_bytes')) out.push(`${at}: a byte count whose name does not end in Bytes`);
  if (key.endsWith('Ms') && v !== null && !(typeof v === 'number' && Number.isInteger(v) && v >= 0)) out.push(`${at}: ${JSON.stringify(v)} is not a non-negative whole number of milliseconds`);
  if (key === 'path' && typeof v === 'string' && roots.some((r) => v === r || v.startsWith(r + '/'))) out.push(`${at}: ${v} is the host's path, not the rescued system's`);
}

function checkTime(s: string, at: string, out: string[]): void {
  if (s.length > 64 || !HAS_CLOCK.test(s) || Number.isNaN(Date.parse(s))) return;
  if (!ISO_WITH_OFFSET.test(s)) out.push(`${at}: the time ${JSON.stringify(s)} is not ISO 8601 with an offset`);
}
