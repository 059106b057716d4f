import type { ByteSource, ReadControl } from '../bytes/byte-source.js';
import { chunksBackward, chunksForward } from '../bytes/chunk-walk.js';
import { BOUNDARY_AFTER, BOUNDARY_BEFORE, boundariesInChunk } from './boundary.js';
import { parseFromLine, type FromLine } from './from-line.js';

// Sizes that keep time and memory following what is captured, not the spool's size.
export const DEFAULT_CHUNK = 1 << 20;
// A message is kept up to this many bytes: enough for headers and the start of any cron report.
export const DEFAULT_MESSAGE_CAP = 64 * 1024;

// One captured message: where it sits, how much of it was kept and where it was cut.
export interface CapturedMessage {
  /** Offset of its "From " line in the spool. */
  offset: number;
  /** Full length up to the next separator (or the size taken at start). */
  length: number;
  /** The kept bytes (at most the cap). */
  bytes: Buffer;
  /** Offset where the capture was cut, when the message is longer than the cap. */
  cutAt: number | null;
  /** The last message has no trailing empty line (delivery in progress, or a damaged file). */
  incomplete: boolean;
  /** Its separator line ends with CRLF. */
  crlf: boolean;
  from: FromLine;
}

// What captureMbox found: the messages kept and what a reader must know to trust them.
export interface MboxCapture {
  /** Size taken when the capture started; nothing past it was read. */
  size: number;
  first: CapturedMessage[];
  last: CapturedMessage[];
  /** All messages were captured (first + last cover the spool). */
  complete: boolean;
  /** Messages between `first` and `last`, when known without a full read (complete spools). */
  between: number | null;
  /** Bytes before the first separator that belong to no message (garbage, damage). */
  leadingBytes: number;
  /** No "From " separator anywhere: not an mbox (or an empty file). */
  noSeparator: boolean;
  /** Lines end with CRLF (seen on the first separator). */
  crlf: boolean;
  bytesRead: number;
}

// How many messages from each end, the cap per message, and the read chunk.
export interface MboxCaptureOptions extends ReadControl {
  messages: number;
  messageCap?: number;
  chunkSize?: number;
}

async function readMessage(src: ByteSource, offset: number, end: number, cap: number): Promise<CapturedMessage> {
  const length = end - offset;
  const keep = Math.min(length, cap);
  const bytes = await src.read(offset, keep);
  const nl = bytes.indexOf(0x0a);
  const firstLine = (nl === -1 ? bytes : bytes.subarray(0, nl)).toString('utf8');
  let incomplete = false;
  if (end === src.size) {
    const tail = await src.read(Math.max(offset, end - 4), Math.min(4, length));
    const t = tail.toString('latin1');
    incomplete = !(t.endsWith('\n\n') || t.endsWith('\r\n\r\n'));
  }
  const crlf = nl > 0 && bytes[nl - 1] === 0x0d;
  return { offset, length, bytes, cutAt: length > cap ? offset + cap : null, incomplete, crlf, from: parseFromLine(firstLine) };
}

// Finds up to `want` message starts from the beginning; stops early, so a 4 GB spool costs one chunk.
async function firstStarts(src: ByteSource, want: number, chunk: number, ctl: ReadControl, counter: { read: number }): Promise<number[]> {
  const starts: number[] = [];
  for await (const c of chunksForward(src, 0, chunk, BOUNDARY_BEFORE, BOUNDARY_AFTER, ctl.signal)) {
    counter.read += c.to - c.from;
    ctl.onProgress?.(counter.read, src.size);
    for (const b of boundariesInChunk(c)) {
      starts.push(b);
      if (starts.length === want) return starts;
    }
  }
  return starts;
}

// Finds up to `want` message starts from the end, never below `floor`: reads backwards in chunks.
async function lastStarts(src: ByteSource, want: number, floor: number, chunk: number, ctl: ReadControl, counter: { read: number }): Promise<number[]> {
  const found: number[] = [];
  for await (const c of chunksBackward(src, src.size, chunk, BOUNDARY_BEFORE, BOUNDARY_AFTER, ctl.signal)) {
    counter.read += c.to - c.from;
    ctl.onProgress?.(counter.read, src.size);
    const inChunk = boundariesInChunk(c).filter((b) => b > floor);
    for (let i = inChunk.length - 1; i >= 0; i--) {
      found.push(inChunk[i]);
      if (found.length === want) return found.reverse();
    }
    if (c.from <= floor) break;
  }
  return found.reverse();
}

// The first N and last N messages of an mbox, split on real separators only. The first ones are
// found reading forward, the last ones reading backward from the size taken at start; a message
// longer than the cap is kept up to the cap and the cut is reported.
export async function captureMbox(src: ByteSource, o: MboxCaptureOptions): Promise<MboxCapture> {
  const n = o.messages;
  const cap = o.messageCap ?? DEFAULT_MESSAGE_CAP;
  const chunk = o.chunkSize ?? DEFAULT_CHUNK;
  const counter = { read: 0 };
  const head = await firstStarts(src, n + 1, chunk, o, counter);
  const base = { size: src.size, leadingBytes: head.length ? head[0] : src.size, crlf: false, bytesRead: 0 };
  if (head.length === 0) {
    return { ...base, first: [], last: [], complete: true, between: 0, noSeparator: true, bytesRead: counter.read };
  }
  const endOf = (starts: number[], i: number) => (i + 1 < starts.length ? starts[i + 1] : src.size);
  const firstStartsKept = head.slice(0, n);
  let lastStartsKept: number[] = [];
  let complete = head.length <= n;
  if (!complete) {
    // head[n] is where message n+1 starts: the last ones are searched at or above it
    const tail = await lastStarts(src, n, head[n - 1], chunk, o, counter);
    lastStartsKept = tail;
    complete = tail.length < n || tail[0] === head[n];
  }
  // where each captured message ends: the next start, the uncaptured next message, or the size
  const all = [...firstStartsKept, ...lastStartsKept];
  const ends = all.map((_, i) => (!complete && i === firstStartsKept.length - 1 ? head[n] : endOf(all, i)));
  const messages: CapturedMessage[] = [];
  for (let i = 0; i < all.length; i++) {
    o.signal?.throwIfAborted();
    messages.push(await readMessage(src, all[i], ends[i], cap));
  }
  const first = messages.slice(0, firstStartsKept.length);
  const last = messages.slice(firstStartsKept.length);
  const crlf = first[0].crlf;
  return { ...base, first, last, complete, between: complete ? 0 : null, noSeparator: false, crlf, bytesRead: counter.read };
}
