// Postfix queue file records (src/global/record.c): a type byte, the length in 7-bit groups
// low-order first (0x80 on all but the last), then the data. The bytes come as windows of the file
// the reader loaded; when a record lies outside them the cursor says which bytes it needs, so the
// reader loads only what the envelope needs and the parser stays free of I/O.

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
export type RecordStep = { record: RecordAt } | { need: { offset: number; length: number } } | { bad: string };

/** Records longer than this are not written by Postfix (var_line_limit and friends); treat as garbage. */
const MAX_RECORD = 1 << 24;

// The window holding pos with the most bytes after it (a record cut by one window's end may be
// whole in a later one).
function windowAt(windows: readonly ByteWindow[], pos: number): ByteWindow | undefined {
  let best: ByteWindow | undefined;
  for (const w of windows) {
    if (pos >= w.offset && pos < w.offset + w.buf.length && (!best || w.offset + w.buf.length > best.offset + best.buf.length)) best = w;
  }
  return best;
}

// The byte at a file offset when loaded (the first record's type is checked before its length).
export function byteAt(windows: readonly ByteWindow[], pos: number): number | undefined {
  const w = windowAt(windows, pos);
  return w && w.buf[pos - w.offset];
}

// Reads the record starting at file offset pos from the loaded windows; `size` is the file size.
export function recordAt(windows: readonly ByteWindow[], pos: number, size: number): RecordStep {
  if (pos >= size) return { bad: `offset ${pos}: the file ends before the end record (truncated)` };
  const w = windowAt(windows, pos);
  if (!w) return { need: { offset: pos, length: 16 } };
  let i = pos - w.offset;
  const buf = w.buf;
  const type = buf[i++];
  let len = 0;
  let shift = 0;
  for (;;) {
    if (i >= buf.length) {
      if (w.offset + i >= size) return { bad: `offset ${pos}: the file ends inside a record length (truncated)` };
      return { need: { offset: pos, length: 16 } };
    }
    const b = buf[i++];
    len += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) break;
    if (shift > 28) return { bad: `offset ${pos}: record length does not end` };
  }
  if (len > MAX_RECORD) return { bad: `offset ${pos}: record length ${len} is implausible` };
  const start = w.offset + i;
  if (start + len > size) return { bad: `offset ${pos}: a ${len}-byte record runs past the end of the file (truncated)` };
  if (i + len > buf.length) return { need: { offset: pos, length: start - pos + len } };
  return { record: { type, data: buf.subarray(i, i + len), next: start + len } };
}

// Encodes one record (tests and the fixture generator write queue files with it).
export function encodeRecord(type: string, data: string | Buffer): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const len: number[] = [];
  let n = body.length;
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    len.push(b);
  } while (n);
  return Buffer.concat([Buffer.from(type, 'latin1'), Buffer.from(len), body]);
}
