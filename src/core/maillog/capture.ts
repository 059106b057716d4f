import type { ByteSource, ReadControl } from '../bytes/byte-source.js';
import { chunksBackward, chunksForward } from '../bytes/chunk-walk.js';
import { DEFAULT_CHUNK } from '../mbox/capture.js';

// First and last lines of a log, read from both ends: a 2 GB maillog costs two chunks.
export interface LinesCapture {
  size: number;
  /** The first N lines (without line ends), each at most lineCap bytes. */
  first: Buffer[];
  /** Offset where the last lines start. */
  lastOffset: number;
  last: Buffer[];
  /** first and last together are the whole file. */
  complete: boolean;
  /** The file does not end with a line end (a line being written, or a cut file). */
  noFinalNewline: boolean;
  /** Lines longer than the cap were cut. */
  cutLines: number;
  bytesRead: number;
}

// How many lines, how long each may be, and the read chunk (tests use tiny ones).
export interface LinesOptions extends ReadControl {
  lines: number;
  lineCap?: number;
  chunkSize?: number;
}

const LF = 0x0a;

function cut(line: Buffer, cap: number, counter: { cut: number }): Buffer {
  if (line.length <= cap) return line;
  counter.cut++;
  return line.subarray(0, cap);
}

// Offsets just past each of the first `want` line ends (forward), stopping early.
async function lineEndsForward(src: ByteSource, want: number, chunk: number, ctl: ReadControl, counter: { read: number }): Promise<number[]> {
  const ends: number[] = [];
  for await (const c of chunksForward(src, 0, chunk, 0, 0, ctl.signal)) {
    counter.read += c.data.length;
    for (let i = c.data.indexOf(LF); i !== -1; i = c.data.indexOf(LF, i + 1)) {
      ends.push(c.start + i + 1);
      if (ends.length === want) return ends;
    }
  }
  return ends;
}

// Offsets where each of the last `want` lines starts (backward), never below floor.
async function lineStartsBackward(src: ByteSource, want: number, floor: number, chunk: number, ctl: ReadControl, counter: { read: number }): Promise<number[]> {
  const starts: number[] = [];
  const endsWithLf = src.size > 0 && (await src.read(src.size - 1, 1))[0] === LF;
  const limit = endsWithLf ? src.size - 1 : src.size;
  for await (const c of chunksBackward(src, limit, chunk, 0, 0, ctl.signal)) {
    counter.read += c.data.length;
    for (let i = c.data.lastIndexOf(LF, c.data.length - 1); i !== -1; i = i === 0 ? -1 : c.data.lastIndexOf(LF, i - 1)) {
      const start = c.start + i + 1;
      if (start <= floor) return starts.reverse();
      starts.push(start);
      if (starts.length === want) return starts.reverse();
    }
    if (c.from <= floor) break;
  }
  return starts.reverse();
}

async function linesBetween(src: ByteSource, starts: number[], endOf: (i: number) => number, cap: number, counter: { cut: number }): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (let i = 0; i < starts.length; i++) {
    const end = endOf(i);
    let line = await src.read(starts[i], Math.min(end - starts[i], cap + 2));
    if (line.length && line[line.length - 1] === LF && end - starts[i] === line.length) line = line.subarray(0, -1);
    if (line.length && line[line.length - 1] === 0x0d && end - starts[i] <= cap + 2) line = line.subarray(0, -1);
    out.push(cut(line, cap, counter));
  }
  return out;
}

// Captures the first and last N lines up to the size taken at start, without overlap between them.
export async function captureLines(src: ByteSource, o: LinesOptions): Promise<LinesCapture> {
  const n = o.lines;
  const cap = o.lineCap ?? 4096;
  const chunk = o.chunkSize ?? DEFAULT_CHUNK;
  const counter = { read: 0, cut: 0 };
  const ends = await lineEndsForward(src, n, chunk, o, counter);
  const firstStarts = [0, ...ends.slice(0, -1)].slice(0, ends.length);
  const firstEnd = ends.length ? ends[ends.length - 1] : 0;
  const noFinalNewline = src.size > 0 && (await src.read(src.size - 1, 1))[0] !== LF;
  // a last line without a line end is a line too
  if (ends.length < n && noFinalNewline && firstEnd < src.size) {
    firstStarts.push(firstEnd);
    ends.push(src.size);
  }
  const first = await linesBetween(src, firstStarts, (i) => ends[i], cap, counter);
  const tailFloor = ends.length ? ends[ends.length - 1] : src.size;
  const lastStarts = tailFloor >= src.size ? [] : await lineStartsBackward(src, n, tailFloor - 1, chunk, o, counter);
  const lastEnd = (i: number) => (i + 1 < lastStarts.length ? lastStarts[i + 1] : src.size);
  const last = await linesBetween(src, lastStarts, lastEnd, cap, counter);
  o.onProgress?.(counter.read, src.size);
  const complete = lastStarts.length === 0 || lastStarts[0] === tailFloor;
  return { size: src.size, first, lastOffset: lastStarts[0] ?? src.size, last, complete, noFinalNewline, cutLines: counter.cut, bytesRead: counter.read };
}
