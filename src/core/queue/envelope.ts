import { byteAt, recordAt, type ByteWindow } from './record-cursor.js';
import type { QueueMessage } from './message.js';

// The envelope facts of a queue file, parsed from loaded windows; `need` asks the reader for more
// bytes and a call with them starts over (cheap: envelopes are a few hundred bytes).
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

const C = 0x43, T = 0x54, S = 0x53, R = 0x52, D = 0x44, O = 0x4f, A = 0x41, P = 0x70, M = 0x4d, X = 0x58, E = 0x45, F = 0x46, N = 0x4e, L = 0x4c, CANCEL = 0x2f;
const ATTRS: Record<string, 'sasl_method' | 'sasl_username' | 'client_address' | 'client_name' | 'helo'> = {
  sasl_method: 'sasl_method',
  sasl_username: 'sasl_username',
  log_client_address: 'client_address',
  log_client_name: 'client_name',
  log_helo_name: 'helo',
};
/** A file that keeps jumping is a loop or garbage: qshape and showq would spin or stop too. */
const MAX_STEPS = 200_000;
const MAX_HEADERS = 40;
const text = (b: Buffer) => b.toString('utf8');

function emptyEnvelope(): ParsedEnvelope {
  return { sender: null, recipients: [], sasl_method: null, sasl_username: null, client_address: null, client_name: null, helo: null, errors: [], arrival_time: null, message_size: null, received_uid: null };
}

// Reads header lines after the M record (N/L records until the empty line), joining long (L) pieces.
function readHeaders(windows: readonly ByteWindow[], start: number, size: number, env: ParsedEnvelope, max = MAX_HEADERS): EnvelopeStep | null {
  const headers: string[] = [];
  let pos = start;
  let partial = '';
  for (let n = 0; n < 2000 && headers.length < max; n++) {
    const step = recordAt(windows, pos, size);
    if ('need' in step) return step;
    if ('bad' in step) break;
    const r = step.record;
    pos = r.next;
    if (r.type === P) {
      const to = Number(text(r.data).trim());
      if (to > 0) pos = to;
      continue;
    }
    if (r.type !== N && r.type !== L) break;
    partial += text(r.data);
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
  const env = emptyEnvelope();
  let pos = 0;
  let dataOffset: number | null = null;
  let orig: string | undefined;
  let headersDone = !wantHeaders;
  const b0 = byteAt(windows, 0);
  if (b0 !== undefined && b0 !== C && b0 !== T && b0 !== S && b0 !== F && b0 !== A) {
    env.errors.push(`byte 0 is 0x${b0.toString(16)}: not a Postfix queue file`);
    return { envelope: env };
  }
  for (let steps = 0; ; steps++) {
    if (steps > MAX_STEPS) {
      env.errors.push('too many records or a pointer loop; parsing stopped');
      break;
    }
    const step = recordAt(windows, pos, size);
    if ('need' in step) return step;
    if ('bad' in step) {
      env.errors.push(step.bad);
      break;
    }
    const r = step.record;
    pos = r.next;
    switch (r.type) {
      case C: {
        const f = text(r.data).trim().split(/\s+/).map(Number);
        if (env.message_size === null && Number.isSafeInteger(f[0]) && f[0] >= 0) env.message_size = f[0];
        if (dataOffset === null && Number.isSafeInteger(f[1]) && f[1] > 0) dataOffset = f[1];
        break;
      }
      case T: {
        const sec = Number(text(r.data).split(' ')[0]);
        if (env.arrival_time === null && Number.isFinite(sec) && sec > 0) env.arrival_time = Math.floor(sec);
        break;
      }
      case S:
        if (env.sender !== null) env.errors.push('duplicate sender record');
        else env.sender = text(r.data);
        break;
      case O:
        orig = text(r.data);
        break;
      case R:
      case D:
      case CANCEL: {
        const address = text(r.data);
        env.recipients.push({ address, ...(orig !== undefined && orig !== address ? { orig_address: orig } : {}), done: r.type !== R });
        orig = undefined;
        break;
      }
      case A: {
        const t = text(r.data);
        const eq = t.indexOf('=');
        const key = eq > 0 ? ATTRS[t.slice(0, eq)] : undefined;
        if (key && env[key] === null) env[key] = t.slice(eq + 1);
        break;
      }
      case P: {
        const to = Number(text(r.data).trim());
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
function skipContent(windows: readonly ByteWindow[], start: number, size: number): { pos: number } | { need: { offset: number; length: number } } | { bad: string } {
  let pos = start;
  for (let n = 0; n < MAX_STEPS; n++) {
    const step = recordAt(windows, pos, size);
    if ('need' in step) return { need: { offset: step.need.offset, length: Math.max(step.need.length, 4096) } };
    if ('bad' in step) return step;
    const r = step.record;
    if (r.type === X || r.type === E) return { pos };
    pos = r.next;
    if (r.type === P) {
      const to = Number(text(r.data).trim());
      if (to > 0) pos = to;
    }
  }
  return { bad: 'message content does not end' };
}
