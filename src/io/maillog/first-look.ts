import zlib from 'node:zlib';
import { StampKind, daysFromCivil, newStampOut, readStamp, type StampOut } from '../../core/maillog/stamp.js';
import { firstLineYear, yearWithin } from '../../core/maillog/year.js';
import { openLog, readAt, type OpenedLog } from './open-log.js';

// The first look at a mail log, in milliseconds whatever its size: first and last time stamps
// read at both ends, and where each day starts found by binary search on the time stamps (a few
// small preads per day), which already draws the per-day size graph.

// Bytes of one day of a plain log.
interface DaySpan {
  dayNo: number;
  startOffset: number;
  bytes: number;
}

// What the first look found about one file.
export interface FileLook {
  path: string;
  size: number;
  gzip: boolean;
  mtimeMs: number;
  /** Uncompressed size of a .gz (from its trailer, modulo 4 GiB), else size. */
  contentBytes: number;
  /** Wall-clock seconds (the log's clock) of the first and last stamped lines; null if none found. */
  firstWall: number | null;
  lastWall: number | null;
  /** Year the file's syslog stamps start in (inferred); the year of ISO stamps otherwise. */
  startYear: number;
  /** Per-day byte ranges (plain files only). */
  days: DaySpan[];
  format: 'syslog' | 'iso' | 'unknown';
}

const PROBE = 8192;

// The first stamped line in buf from `from` on (after a line start): its stamp and its offset.
function firstStampIn(buf: Buffer, from: number, o: StampOut): number {
  const s = buf.toString('latin1');
  let p = from;
  for (let n = 0; n < 64 && p < s.length; n++) {
    let nl = s.indexOf('\n', p);
    if (nl < 0) nl = s.length;
    readStamp(s, p, nl, o);
    if (o.kind !== StampKind.None) return p;
    p = nl + 1;
  }
  return -1;
}

// The last stamped line of a plain file.
function lastStamp(log: OpenedLog, o: StampOut): boolean {
  for (let back = PROBE; back <= 1 << 20; back *= 4) {
    const start = Math.max(0, log.size - back);
    const s = readAt(log.fd, start, log.size - start).toString('latin1');
    let end = s.length;
    while (end > 0) {
      const nl = s.lastIndexOf('\n', end - 1);
      if (nl < 0 && start > 0) break;
      readStamp(s, nl + 1, end, o);
      if (o.kind !== StampKind.None) return true;
      end = nl < 0 ? 0 : nl;
    }
    if (start === 0) return false;
  }
  return false;
}

// Day number of a stamp, with the file's start year for syslog stamps.
function dayOf(o: StampOut, startYear: number, startMonth: number): number {
  const y = o.kind === StampKind.Iso ? o.year : yearWithin(o.month, startYear, startMonth);
  return daysFromCivil(y, o.month, o.day);
}

// Start of the first stamped line beginning at or after x (its stamp in o), or -1.
function probe(log: OpenedLog, x: number, o: StampOut): number {
  if (x === 0) return firstStampIn(readAt(log.fd, 0, PROBE), 0, o);
  const buf = readAt(log.fd, x - 1, PROBE);
  const nl = buf.indexOf(0x0a);
  if (nl < 0) return -1;
  const at = firstStampIn(buf, nl + 1, o);
  return at < 0 ? -1 : x - 1 + at;
}

// Offset where day dayNo starts: the smallest x whose next line is of that day or later.
function dayStart(log: OpenedLog, dayNo: number, lo: number, startYear: number, startMonth: number, o: StampOut): number {
  let hi = log.size;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const at = probe(log, mid, o);
    if (at < 0 || dayOf(o, startYear, startMonth) >= dayNo) hi = mid;
    else lo = mid + 1;
  }
  if (lo >= log.size) return log.size;
  if (lo === 0) return 0;
  const nl = readAt(log.fd, lo - 1, PROBE).indexOf(0x0a);
  return nl < 0 ? log.size : lo + nl;
}

// Looks at one file; throws LogOpenError when it cannot be read.
export function firstLook(path: string): FileLook {
  const log = openLog(path);
  try {
    return look(path, log);
  } finally {
    log.close();
  }
}

function look(path: string, log: OpenedLog): FileLook {
  const o = newStampOut();
  const mtime = new Date(log.mtimeMs);
  const base: FileLook = { path, size: log.size, gzip: log.gzip, mtimeMs: log.mtimeMs, contentBytes: log.size, firstWall: null, lastWall: null, startYear: mtime.getFullYear(), days: [], format: 'unknown' };
  if (log.size === 0) return base;
  let head: Buffer;
  if (log.gzip) {
    const tail = readAt(log.fd, Math.max(0, log.size - 4), 4);
    base.contentBytes = tail.length === 4 ? tail.readUInt32LE(0) : 0;
    try {
      head = zlib.gunzipSync(readAt(log.fd, 0, 64 * 1024), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    } catch {
      return base;
    }
  } else head = readAt(log.fd, 0, PROBE * 4);
  if (firstStampIn(head, 0, o) < 0) return base;
  const first = { ...o };
  base.format = first.kind === StampKind.Iso ? 'iso' : 'syslog';
  const haveLast = !log.gzip && lastStamp(log, o);
  const last = haveLast ? { ...o } : null;
  base.startYear = first.kind === StampKind.Iso ? first.year : firstLineYear(first, last, mtime);
  const firstDay = dayOf(first, base.startYear, first.month);
  base.firstWall = firstDay * 86400 + first.secs;
  if (!last) return base;
  const lastDay = dayOf(last, base.startYear, first.month);
  base.lastWall = lastDay * 86400 + last.secs;
  const starts: number[] = [0];
  for (let d = firstDay + 1; d <= lastDay && d - firstDay < 4000; d++) starts.push(dayStart(log, d, starts[starts.length - 1], base.startYear, first.month, o));
  for (let k = 0; k < starts.length; k++) {
    const end = k + 1 < starts.length ? starts[k + 1] : log.size;
    if (end > starts[k]) base.days.push({ dayNo: firstDay + k, startOffset: starts[k], bytes: end - starts[k] });
  }
  return base;
}
