import { LineScanner } from '../../core/maillog/scan-lines.js';
import type { MaillogStats } from '../../core/maillog/stats.js';
import { logChunks } from './log-chunks.js';
import { LogOpenError, openLog } from './open-log.js';
import type { PassFileError } from './messages.js';

// The full pass: every line of every file, in the order given, through one scanner into one
// MaillogStats. Streaming with bounded memory (a chunk and a partial line), progress per chunk,
// and abortable: what was counted before the abort stays counted.

// A file to read and the year its syslog stamps start in (from the first look).
export interface PassFile {
  path: string;
  startYear: number;
  /** Bytes on disk (compressed for .gz), for progress. */
  size: number;
}

// Where the pass is.
export interface PassProgress {
  file: string;
  fileIndex: number;
  files: number;
  bytesDone: number;
  bytesTotal: number;
  lines: number;
}

// How each file went.
interface PassFileResult {
  path: string;
  bytesRead: number;
  complete: boolean;
  error?: PassFileError;
}

// The outcome: counted into stats; per-file results; whether the operator stopped it.
export interface PassResult {
  files: PassFileResult[];
  aborted: boolean;
  elapsedMs: number;
}

/** A line longer than this is cut (a log line never is; a garbage file may have no line ends). */
const MAX_LINE = 1 << 20;

// The pass gives the event loop a turn after scanning this many bytes (not once per 4 MB read):
// a key pressed in the walk, a redraw or an abort waits for ~1 MB of scanning at most.
/** @internal unit-tested on its own: test/io/maillog/pass-turns.test.ts */
export const PASS_TURN_BYTES = 1 << 20;

// Runs the pass over files into stats.
export async function runFullPass(files: PassFile[], stats: MaillogStats, onProgress?: (p: PassProgress) => void, signal?: AbortSignal): Promise<PassResult> {
  const t0 = performance.now();
  const scanner = new LineScanner(stats);
  const bytesTotal = files.reduce((a, f) => a + f.size, 0);
  const pace = { sinceTurn: 0 };
  let before = 0;
  const results: PassFileResult[] = [];
  for (let fi = 0; fi < files.length && !signal?.aborted; fi++) {
    const f = files[fi];
    const r: PassFileResult = { path: f.path, bytesRead: 0, complete: false };
    results.push(r);
    let log;
    try {
      log = openLog(f.path);
    } catch (e) {
      r.error = e instanceof LogOpenError ? { path: f.path, code: e.code, message: e.message } : { path: f.path, code: 'read-failed', message: String(e) };
      continue;
    }
    scanner.startFile(f.startYear);
    let carry: Buffer | null = null;
    try {
      for await (const c of logChunks(log, signal)) {
        const data = c.data;
        const last = data.lastIndexOf(0x0a);
        let scanned = data.length;
        if (last < 0) {
          carry = carry ? Buffer.concat([carry, data]) : Buffer.from(data);
          if (carry.length > MAX_LINE) {
            feedAll(scanner, carry);
            carry = null;
          }
        } else {
          let from = 0;
          if (carry) {
            // the line cut by the previous chunk, scanned on its own (no copy of the whole chunk)
            const first = data.indexOf(0x0a);
            feedAll(scanner, Buffer.concat([carry, data.subarray(0, first + 1)]));
            carry = null;
            from = first + 1;
          }
          const to = await feedSlices(scanner, data, from, last + 1, pace, signal);
          if (to < last + 1) scanned = to;
          else if (last + 1 < data.length) carry = Buffer.from(data.subarray(last + 1));
        }
        // stopped inside a chunk: bytes read but not scanned are not counted as read (plain files;
        // a .gz file's position is in compressed bytes, known per chunk only)
        r.bytesRead = log.gzip ? c.fileBytesDone : c.fileBytesDone - (data.length - scanned);
        onProgress?.({ file: f.path, fileIndex: fi, files: files.length, bytesDone: before + r.bytesRead, bytesTotal, lines: stats.lines });
        if (signal?.aborted) break;
      }
      if (carry && carry.length && !signal?.aborted) feedAll(scanner, carry);
      r.complete = !signal?.aborted;
    } catch (e) {
      if (carry && carry.length) feedAll(scanner, carry);
      r.error = { path: f.path, code: 'read-failed', message: (e as Error).message, gzip: log.gzip };
    } finally {
      log.close();
    }
    before += f.size;
  }
  return { files: results, aborted: !!signal?.aborted, elapsedMs: performance.now() - t0 };
}

/** Strings this small are made in V8's young generation; big ones (large-object space, external
 *  above ~1 MB) cost an mmap each and made decoding 5x slower in measurements. */
const SLICE = 64 * 1024;

// Scans data[from..end) (whole lines) as latin1 strings of at most SLICE bytes, cut at line ends,
// with a turn of the event loop every PASS_TURN_BYTES (counted across chunks and files); returns
// where it stopped: end, or earlier when the pass was aborted during a turn.
async function feedSlices(scanner: LineScanner, data: Buffer, from: number, end: number, pace: { sinceTurn: number }, signal?: AbortSignal): Promise<number> {
  while (from < end) {
    let to = end;
    if (to - from > SLICE) {
      const nl = data.lastIndexOf(0x0a, from + SLICE - 1);
      to = nl >= from ? nl + 1 : Math.min(end, data.indexOf(0x0a, from + SLICE) + 1 || end);
    }
    const s = data.toString('latin1', from, to);
    scanner.feed(s, s.length);
    pace.sinceTurn += to - from;
    from = to;
    if (pace.sinceTurn >= PASS_TURN_BYTES) {
      pace.sinceTurn = 0;
      await new Promise((r) => setImmediate(r));
      if (signal?.aborted) return from;
    }
  }
  return from;
}

function feedAll(scanner: LineScanner, b: Buffer): void {
  const s = b.toString('latin1');
  scanner.feed(s, s.length);
}
