import type { Chunk } from '../bytes/chunk-walk.js';

// Bytes a boundary test may look at around "From ": the empty line before it ("\r\n\r\n" at most)
// and the five bytes of "From " itself. Chunks are padded by these so edges never hide one.
export const BOUNDARY_BEFORE = 4;
// (see BOUNDARY_BEFORE)
export const BOUNDARY_AFTER = 5;

const FROM = Buffer.from('From ');
const LF = 0x0a;
const CR = 0x0d;

// True when the "From " at `i` (index in buf; `atFileStart` when buf[0] is file offset 0) starts a
// message: at offset 0, or right after an empty line ("\n\n", or "\r\n\r\n" in CRLF files).
// A "From " inside a paragraph is body text, and Content-Length is never trusted.
/** @internal unit-tested on its own: test/core/mbox-capture.test.ts */
export function isBoundaryAt(buf: Buffer, i: number, atFileStart: boolean): boolean {
  if (i === 0) return atFileStart;
  if (buf[i - 1] !== LF) return false;
  // the line before ends at i-1; it is empty when it is "\n" or "\r\n" right after another line end
  let j = i - 2;
  if (j >= 0 && buf[j] === CR) j--;
  if (j < 0) return atFileStart;
  return buf[j] === LF;
}

// File offsets of the message starts inside [chunk.from, chunk.to), ascending.
export function boundariesInChunk(c: Chunk): number[] {
  const out: number[] = [];
  const atFileStart = c.start === 0;
  const first = c.from - c.start;
  const last = c.to - c.start;
  for (let i = c.data.indexOf(FROM, first); i !== -1 && i < last; i = c.data.indexOf(FROM, i + 1)) {
    if (i + FROM.length > c.data.length) break;
    if (isBoundaryAt(c.data, i, atFileStart)) out.push(c.start + i);
  }
  return out;
}
