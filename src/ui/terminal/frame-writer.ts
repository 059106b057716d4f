// Puts Ink's frames on the terminal by difference: only rows that changed are written, and on a
// serial console only the changed spans of those rows, at most once per interval. Ink's own
// incremental mode still sends a cursor movement for every unchanged line; at 9600 baud
// (~960 bytes/s) that is the difference between a usable console and a flooded one.

import { displayWidth } from '../../core/text/text-fit.js';

const CSI = '\u001b[';

// Cursor to row r, column c (1-based).
const cup = (r: number, c: number) => `${CSI}${r};${c}H`;
const ERASE_LINE_END = `${CSI}K`;
// Spans closer than this are written as one (a cursor move costs about as many bytes).
const MERGE_GAP = 6;

// Where and how often to write; clock and timers are injected so tests run in simulated time.
export interface FrameWriterOptions {
  write(data: string): void;
  columns: number;
  rows: number;
  /** Span-level diffs of plain ASCII rows (serial mode). */
  spans: boolean;
  /** Least time between two writes (500 ms on a serial console). */
  minIntervalMs: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

// What was written, for the serial byte budget and its tests.
export interface WriterStats {
  bytes: number;
  flushes: number;
}

// The changed spans of one plain-text row as [start, endExclusive] pairs.
/** @internal unit-tested on its own: test/ui/frame-writer.test.ts */
export function changedSpans(prev: string, next: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = -1;
  let lastDiff = -1;
  for (let i = 0; i < next.length; i++) {
    if (prev[i] === next[i]) continue;
    if (start === -1) start = i;
    else if (i - lastDiff > MERGE_GAP) {
      spans.push([start, lastDiff + 1]);
      start = i;
    }
    lastDiff = i;
  }
  if (start !== -1) spans.push([start, lastDiff + 1]);
  return spans;
}

// Bytes that turn row r (1-based) from prev into next, in span mode.
/** @internal unit-tested on its own: test/ui/frame-writer.test.ts */
export function spanUpdate(r: number, prev: string, next: string): string {
  let out = '';
  let col = -1;
  const moveTo = (c: number) => (col === c ? '' : col >= 0 && c > col ? `${CSI}${c - col}C` : cup(r, c + 1));
  for (const [a, b] of changedSpans(prev, next)) {
    out += moveTo(a) + next.slice(a, b);
    col = b;
  }
  if (prev.length > next.length) out += moveTo(next.length) + ERASE_LINE_END;
  return out;
}

// An escape sequence (kept whole, no columns) or one character of a row.
const ROW_UNIT = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007|[\s\S]/gu;

// A row cut to the terminal's columns by display width, escape sequences kept: a row one column
// too wide (a wide character cut in half where a dialog covers the screen) would wrap onto the
// next row, which the writer does not rewrite when it did not change, and leave debris there.
/** @internal unit-tested on its own: test/ui/frame-writer.test.ts */
export function clampRow(row: string, columns: number): string {
  let width = 0;
  let out = '';
  for (const unit of row.match(ROW_UNIT) ?? []) {
    if (unit.charCodeAt(0) === 0x1b) {
      out += unit;
      continue;
    }
    const w = displayWidth(unit);
    if (width + w > columns) return `${out}${CSI}0m`;
    width += w;
    out += unit;
  }
  return out;
}

// Whether a row surely fits the terminal without measuring it (string-width is most of a
// flush's cost): at most 2 columns a UTF-16 unit, so a row of columns/2 units fits whatever it
// holds; else an upper bound, CSI sequences (colours) skipped, 1 column a unit below U+1100
// (where the wide characters start), 2 above. false only means "measure it".
/** @internal unit-tested on its own: test/ui/frame-writer.test.ts */
export function surelyFits(row: string, columns: number): boolean {
  if (row.length * 2 <= columns) return true;
  let bound = 0;
  for (let i = 0; i < row.length; i++) {
    const c = row.charCodeAt(i);
    if (c === 0x1b && row.charCodeAt(i + 1) === 0x5b) {
      // the CSI sequence clampRow keeps whole (ROW_UNIT): ESC [ [0-9;?]* [ -/]* [@-~]; one that
      // does not end so is counted unit by unit like the rest
      let j = i + 2;
      let k = row.charCodeAt(j);
      while ((k >= 0x30 && k <= 0x39) || k === 0x3b || k === 0x3f) k = row.charCodeAt(++j);
      while (k >= 0x20 && k <= 0x2f) k = row.charCodeAt(++j);
      if (k >= 0x40 && k <= 0x7e) {
        i = j;
        continue;
      }
    }
    bound += c < 0x1100 ? 1 : 2;
    if (bound > columns) return false;
  }
  return true;
}

// Keeps what the terminal shows and writes only the difference to the next frame.
export class FrameWriter {
  readonly stats: WriterStats = { bytes: 0, flushes: 0 };
  private shown: string[] = [];
  private pending: string | null = null;
  private lastFlush = -Infinity;
  private timer: unknown = null;
  private columns: number;
  private rows: number;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (h: unknown) => void;

  constructor(private readonly o: FrameWriterOptions) {
    this.columns = o.columns;
    this.rows = o.rows;
    this.now = o.now ?? (() => performance.now());
    this.setTimer = o.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = o.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout));
  }

  // Takes the latest full frame; writes at once if the interval has passed, else once it has.
  push(frame: string): void {
    this.pending = frame;
    const wait = this.lastFlush + this.o.minIntervalMs - this.now();
    if (wait <= 0) this.flush();
    else if (this.timer === null) this.timer = this.setTimer(() => this.flush(), wait);
  }

  // Writes the pending frame now (also on exit, so the last state is what stays on screen).
  flush(): void {
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
    if (this.pending === null) return;
    const next = this.toRows(this.pending);
    this.pending = null;
    let out = '';
    for (let r = 0; r < this.rows; r++) {
      const prev = this.shown[r] ?? '';
      if (prev === next[r]) continue;
      out += this.o.spans ? spanUpdate(r + 1, prev, next[r]) : cup(r + 1, 1) + next[r] + ERASE_LINE_END;
    }
    this.shown = next;
    this.lastFlush = this.now();
    if (!out) return;
    this.stats.bytes += Buffer.byteLength(out);
    this.stats.flushes += 1;
    this.o.write(out);
  }

  // Forgets what is on screen so the next flush redraws everything (resize, after a clear).
  invalidate(columns = this.columns, rows = this.rows): void {
    this.columns = columns;
    this.rows = rows;
    this.shown = [];
    this.o.write(`${CSI}H${CSI}2J`);
  }

  // Stops any scheduled write.
  dispose(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  private toRows(frame: string): string[] {
    const lines = frame.split('\n');
    const out: string[] = [];
    for (let r = 0; r < this.rows; r++) {
      let line = (lines[r] ?? '').replace(/\s+$/, '');
      // Never write the bottom-right cell: some terminals scroll when it is filled.
      if (this.o.spans && r === this.rows - 1 && line.length >= this.columns) line = line.slice(0, this.columns - 1);
      else if (this.o.spans && line.length > this.columns) line = line.slice(0, this.columns);
      else if (!this.o.spans && !surelyFits(line, this.columns) && displayWidth(line) > this.columns) line = clampRow(line, this.columns);
      out.push(line);
    }
    return out;
  }
}
