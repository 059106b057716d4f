import type { QueueMessage, QueueProblem } from './message.js';

// The envelope facts of a queue file, parsed from loaded windows (problems as facts
// { code, figures }, worded by envelope-problems.ts); `need` asks the reader for more
// bytes and a call with them starts over (cheap: envelopes are a few hundred bytes). Every
// function here is self-contained (no module constants, no imported functions): the queue scan's
// worker threads run them from their source text (io/queue/worker.ts, system/eval-source.ts).
export type EnvelopeStep = { envelope: ParsedEnvelope } | { need: { offset: number; length: number } };

// What the records say (the reader adds queue, id, sizes, times and the owner from stat).
type ParsedEnvelope = Pick<
  QueueMessage,
  'sender' | 'recipients' | 'sasl_method' | 'sasl_username' | 'client_address' | 'client_name' | 'helo' | 'errors'
> & {
  arrival_time: number | null;
  message_size: number | null;
  /** uid from pickup's "Received: by HOST (Postfix, from userid N)". */
  received_uid: number | null;
  headers?: string[];
};

// A loaded piece of a file: bytes [offset, offset + buf.length).
export interface ByteWindow {
  offset: number;
  buf: Buffer;
}

// One record: its type byte, and where its data sits in the window that holds it.
interface RecordAt {
  type: number;
  data: Buffer;
  /** File offset of the byte after this record. */
  next: number;
}

// The outcome of reading one record: the record, bytes to load first, or why these are not records.
export type RecordStep = { record: RecordAt } | { need: { offset: number; length: number } } | { bad: QueueProblem };

// Where scanRecord found a record (or why not), one object reused for every record of a file: the
// parse makes no object and no Buffer view per record (measured: those were most of its cost).
interface RecordSpan {
  type: number;
  /** The window's bytes; the data is buf[start, end). */
  buf: Buffer;
  start: number;
  end: number;
  next: number;
  need: { offset: number; length: number } | null;
  bad: QueueProblem | null;
}

// An empty span for scanRecord to fill.
function newSpan(): RecordSpan {
  return { type: 0, buf: Buffer.alloc(0), start: 0, end: 0, next: 0, need: null, bad: null };
}

// The window holding pos with the most bytes after it (a record cut by one window's end may be
// whole in a later one).
function windowAt(windows: readonly ByteWindow[], pos: number): ByteWindow | undefined {
  if (windows.length === 1) {
    const w = windows[0];
    return pos >= w.offset && pos < w.offset + w.buf.length ? w : undefined;
  }
  let best: ByteWindow | undefined;
  for (const w of windows) {
    if (pos >= w.offset && pos < w.offset + w.buf.length && (!best || w.offset + w.buf.length > best.offset + best.buf.length)) best = w;
  }
  return best;
}

// The byte at a file offset when loaded (the first record's type is checked before its length).
function byteAt(windows: readonly ByteWindow[], pos: number): number | undefined {
  const w = windowAt(windows, pos);
  return w && w.buf[pos - w.offset];
}

// Finds the record starting at file offset pos in the loaded windows (`size` is the file size) and
// fills `out`: 0 a record, 1 bytes to load first (out.need), 2 not records (out.bad).
function scanRecord(windows: readonly ByteWindow[], pos: number, size: number, out: RecordSpan): 0 | 1 | 2 {
  if (pos >= size) {
    out.bad = { code: 'ends-before-end', figures: [pos] };
    return 2;
  }
  const w = windowAt(windows, pos);
  if (!w) {
    out.need = { offset: pos, length: 16 };
    return 1;
  }
  let i = pos - w.offset;
  const buf = w.buf;
  const type = buf[i++];
  let len = 0;
  let shift = 0;
  for (;;) {
    if (i >= buf.length) {
      if (w.offset + i >= size) {
        out.bad = { code: 'ends-in-length', figures: [pos] };
        return 2;
      }
      out.need = { offset: pos, length: 16 };
      return 1;
    }
    const b = buf[i++];
    len += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) break;
    if (shift > 28) {
      out.bad = { code: 'length-no-end', figures: [pos] };
      return 2;
    }
  }
  // records longer than this are not written by Postfix (var_line_limit and friends): garbage
  if (len > 1 << 24) {
    out.bad = { code: 'length-implausible', figures: [pos, len] };
    return 2;
  }
  const start = w.offset + i;
  if (start + len > size) {
    out.bad = { code: 'record-past-end', figures: [pos, len] };
    return 2;
  }
  if (i + len > buf.length) {
    out.need = { offset: pos, length: start - pos + len };
    return 1;
  }
  out.type = type;
  out.buf = buf;
  out.start = i;
  out.end = i + len;
  out.next = start + len;
  return 0;
}

// Reads the record starting at file offset pos from the loaded windows; `size` is the file size.
export function recordAt(windows: readonly ByteWindow[], pos: number, size: number): RecordStep {
  const r = newSpan();
  const found = scanRecord(windows, pos, size, r);
  if (found === 1) return { need: r.need! };
  if (found === 2) return { bad: r.bad! };
  return { record: { type: r.type, data: r.buf.subarray(r.start, r.end), next: r.next } };
}

// A record's data as text.
function text(r: RecordSpan): string {
  return r.buf.toString('utf8', r.start, r.end);
}

// A record's data as a number, as Number(text) reads it (digits and blanks the fast way, the rest
// through Number); `firstWord` stops at the first space (the T record's "seconds microseconds").
function numberOf(r: RecordSpan, firstWord: boolean): number {
  const buf = r.buf;
  let i = r.start;
  let end = r.end;
  if (firstWord) {
    const sp = buf.indexOf(0x20, i);
    if (sp !== -1 && sp < end) end = sp;
  } else {
    while (i < end && (buf[i] === 0x20 || buf[i] === 0x09 || buf[i] === 0x0a || buf[i] === 0x0d)) i++;
    while (end > i && (buf[end - 1] === 0x20 || buf[end - 1] === 0x09 || buf[end - 1] === 0x0a || buf[end - 1] === 0x0d)) end--;
  }
  if (i === end || end - i > 15) return Number(buf.toString('utf8', i, end));
  let n = 0;
  for (let k = i; k < end; k++) {
    const c = buf[k] - 0x30;
    if (c < 0 || c > 9) return Number(buf.toString('utf8', i, end));
    n = n * 10 + c;
  }
  return n;
}

// Which envelope field an A (attribute) record fills, if any: its name is decoded only when its
// length is one of the wanted names' (most attributes are not wanted).
function attrField(r: RecordSpan, eq: number): 'sasl_method' | 'sasl_username' | 'client_address' | 'client_name' | 'helo' | undefined {
  const n = eq - r.start;
  if (n !== 11 && n !== 13 && n !== 15 && n !== 18) return undefined;
  switch (r.buf.toString('latin1', r.start, eq)) {
    case 'sasl_method':
      return 'sasl_method';
    case 'sasl_username':
      return 'sasl_username';
    case 'log_client_address':
      return 'client_address';
    case 'log_client_name':
      return 'client_name';
    case 'log_helo_name':
      return 'helo';
  }
  return undefined;
}

function emptyEnvelope(): ParsedEnvelope {
  return { sender: null, recipients: [], sasl_method: null, sasl_username: null, client_address: null, client_name: null, helo: null, errors: [], arrival_time: null, message_size: null, received_uid: null };
}

// Reads header lines after the M record (N/L records until the empty line), joining long (L) pieces.
function readHeaders(windows: readonly ByteWindow[], start: number, size: number, env: ParsedEnvelope, max = 40): EnvelopeStep | null {
  const P = 0x70, N = 0x4e, L = 0x4c;
  const headers: string[] = [];
  let pos = start;
  let partial = '';
  const r = newSpan();
  for (let n = 0; n < 2000 && headers.length < max; n++) {
    const found = scanRecord(windows, pos, size, r);
    if (found === 1) return { need: r.need! };
    if (found === 2) break;
    pos = r.next;
    if (r.type === P) {
      const to = numberOf(r, false);
      if (to > 0) pos = to;
      continue;
    }
    if (r.type !== N && r.type !== L) break;
    partial += text(r);
    if (r.type === L) continue;
    if (partial === '') break;
    if (/^\s/.test(partial) && headers.length) headers[headers.length - 1] += ' ' + partial.trim();
    else headers.push(partial);
    partial = '';
  }
  env.headers = headers;
  const received = headers.find((h) => /^received:/i.test(h));
  const uid = received && /\(Postfix, from userid (\d+)\)/.exec(received);
  if (uid) env.received_uid = Number(uid[1]);
  return null;
}

// Parses the envelope like showq/qshape do: C (sizes), T, S, R/D/O, A attributes, p pointers
// followed, the content skipped by the size record (or walked when there is none), then the
// extracted segment (X) up to E. Errors become entries in `errors`, never exceptions.
export function parseEnvelope(windows: readonly ByteWindow[], size: number, wantHeaders = false): EnvelopeStep {
  const C = 0x43, T = 0x54, S = 0x53, R = 0x52, D = 0x44, O = 0x4f, A = 0x41, P = 0x70, M = 0x4d, E = 0x45, F = 0x46, CANCEL = 0x2f;
  // a file that keeps jumping is a loop or garbage: qshape and showq would spin or stop too
  const MAX_STEPS = 200_000;
  const env = emptyEnvelope();
  let pos = 0;
  let dataOffset: number | null = null;
  let orig: string | undefined;
  let headersDone = !wantHeaders;
  const r = newSpan();
  const b0 = byteAt(windows, 0);
  if (b0 !== undefined && b0 !== C && b0 !== T && b0 !== S && b0 !== F && b0 !== A) {
    env.errors.push({ code: 'not-queue-file', figures: [b0] });
    return { envelope: env };
  }
  for (let steps = 0; ; steps++) {
    if (steps > MAX_STEPS) {
      env.errors.push({ code: 'pointer-loop', figures: [] });
      break;
    }
    const found = scanRecord(windows, pos, size, r);
    if (found === 1) return { need: r.need! };
    if (found === 2) {
      env.errors.push(r.bad!);
      break;
    }
    pos = r.next;
    switch (r.type) {
      case C: {
        const f = text(r).trim().split(/\s+/).map(Number);
        if (env.message_size === null && Number.isSafeInteger(f[0]) && f[0] >= 0) env.message_size = f[0];
        if (dataOffset === null && Number.isSafeInteger(f[1]) && f[1] > 0) dataOffset = f[1];
        break;
      }
      case T: {
        const sec = numberOf(r, true);
        if (env.arrival_time === null && Number.isFinite(sec) && sec > 0) env.arrival_time = Math.floor(sec);
        break;
      }
      case S:
        if (env.sender !== null) env.errors.push({ code: 'duplicate-sender', figures: [] });
        else env.sender = text(r);
        break;
      case O:
        orig = text(r);
        break;
      case R:
      case D:
      case CANCEL: {
        const address = text(r);
        env.recipients.push(orig !== undefined && orig !== address ? { address, orig_address: orig, done: r.type !== R } : { address, done: r.type !== R });
        orig = undefined;
        break;
      }
      case A: {
        const eq = r.buf.indexOf(0x3d, r.start);
        const key = eq > r.start && eq < r.end ? attrField(r, eq) : undefined;
        if (key && env[key] === null) env[key] = r.buf.toString('utf8', eq + 1, r.end);
        break;
      }
      case P: {
        const to = numberOf(r, false);
        if (to > 0) pos = to;
        break;
      }
      case M:
        if (!headersDone) {
          const need = readHeaders(windows, r.next, size, env);
          if (need) return need;
          headersDone = true;
        } else if (env.client_address === null) {
          // local mail: pickup's first header names the submitting uid; read it only when loaded
          readHeaders(windows, r.next, size, env, 1);
          delete env.headers;
        }
        if (env.message_size !== null && dataOffset !== null) pos = dataOffset + env.message_size;
        else {
          const skip = skipContent(windows, r.next, size);
          if ('need' in skip) return skip;
          if ('bad' in skip) {
            env.errors.push(skip.bad);
            return { envelope: env };
          }
          pos = skip.pos;
        }
        break;
      case E:
        return { envelope: env };
      default:
        break;
    }
  }
  return { envelope: env };
}

// Walks message content records (maildrop files have no size record) to the X or E record.
function skipContent(windows: readonly ByteWindow[], start: number, size: number): { pos: number } | { need: { offset: number; length: number } } | { bad: QueueProblem } {
  const X = 0x58, E = 0x45, P = 0x70;
  let pos = start;
  const r = newSpan();
  for (let n = 0; n < 200_000; n++) {
    const found = scanRecord(windows, pos, size, r);
    if (found === 1) return { need: { offset: r.need!.offset, length: Math.max(r.need!.length, 4096) } };
    if (found === 2) return { bad: r.bad! };
    if (r.type === X || r.type === E) return { pos };
    pos = r.next;
    if (r.type === P) {
      const to = numberOf(r, false);
      if (to > 0) pos = to;
    }
  }
  return { bad: { code: 'content-no-end', figures: [] } };
}

// parseEnvelope and every function it calls, for code that defines them from their source text
// (the scan's worker threads): they refer to each other by name and to nothing else.
export const envelopeParserFunctions = [parseEnvelope, recordAt, newSpan, scanRecord, windowAt, byteAt, text, numberOf, attrField, emptyEnvelope, readHeaders, skipContent] as const;
