// Time stamps at the start of a mail log line, read in place from a latin1 chunk without regex or
// allocation: the full pass calls this for every line of gigabytes of logs.

const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';

// Month index (0-11) of the three letters at p, or -1 (no substring: called for every line).
function monthAt(s: string, p: number): number {
  const a = s.charCodeAt(p);
  const b = s.charCodeAt(p + 1);
  const c = s.charCodeAt(p + 2);
  for (let m = 0; m < 12; m++) {
    if (MONTHS.charCodeAt(m * 3) === a && MONTHS.charCodeAt(m * 3 + 1) === b && MONTHS.charCodeAt(m * 3 + 2) === c) return m;
  }
  return -1;
}

const digit = (c: number) => c >= 48 && c <= 57;
const d2 = (s: string, p: number) => (s.charCodeAt(p) - 48) * 10 + (s.charCodeAt(p + 1) - 48);

// Which stamp a line starts with: classic syslog ("Dec 26 04:00:01", also Postfix's own "Dec 01"),
// or ISO/RFC 3339 ("2026-12-26T04:00:01.123+09:00", journalctl -o short-iso "...+0900").
export const enum StampKind {
  None = 0,
  Syslog = 1,
  Iso = 2,
}

// The parsed parts the caller needs; one object reused for every line.
export interface StampOut {
  kind: StampKind;
  /** Month 0-11. */
  month: number;
  day: number;
  /** Year for ISO stamps; 0 for syslog ones (inferred by the caller). */
  year: number;
  /** Seconds since midnight, wall clock as written. */
  secs: number;
  /** Index just past the stamp (at the space before the host). */
  end: number;
  /** ISO offset text as written ("+09:00", "Z", "+0900"), or "" when none. */
  offset: string;
}

// Reads the stamp at s[p..lineEnd); sets out.kind = None when the line does not start with one.
export function readStamp(s: string, p: number, lineEnd: number, out: StampOut): void {
  out.kind = StampKind.None;
  if (lineEnd - p < 16) return;
  const c = s.charCodeAt(p);
  if (digit(c)) {
    if (lineEnd - p < 20 || s.charCodeAt(p + 4) !== 45 || s.charCodeAt(p + 7) !== 45 || s.charCodeAt(p + 13) !== 58 || s.charCodeAt(p + 16) !== 58) return;
    const t = s.charCodeAt(p + 10);
    if (t !== 84 && t !== 32) return;
    const year = d2(s, p) * 100 + d2(s, p + 2);
    const month = d2(s, p + 5) - 1;
    const day = d2(s, p + 8);
    const secs = d2(s, p + 11) * 3600 + d2(s, p + 14) * 60 + d2(s, p + 17);
    if (!(year > 1900 && month >= 0 && month < 12 && day >= 1 && day <= 31 && secs >= 0 && secs < 86400 + 1)) return;
    let e = s.indexOf(' ', p + 19);
    if (e < 0 || e > lineEnd) e = lineEnd;
    let o = p + 19;
    if (s.charCodeAt(o) === 46) {
      o++;
      while (o < e && digit(s.charCodeAt(o))) o++;
    }
    out.offset = o < e ? s.substring(o, e) : '';
    out.kind = StampKind.Iso;
    out.year = year;
    out.month = month;
    out.day = day;
    out.secs = secs;
    out.end = e;
    return;
  }
  if (c < 65 || c > 90 || s.charCodeAt(p + 3) !== 32 || s.charCodeAt(p + 9) !== 58 || s.charCodeAt(p + 12) !== 58) return;
  // the month of the line before (out still holds it) is nearly always this line's month too
  const m3 = out.month * 3;
  const month = MONTHS.charCodeAt(m3) === c && MONTHS.charCodeAt(m3 + 1) === s.charCodeAt(p + 1) && MONTHS.charCodeAt(m3 + 2) === s.charCodeAt(p + 2) ? out.month : monthAt(s, p);
  if (month < 0) return;
  const dc = s.charCodeAt(p + 4);
  const day = (dc === 32 ? 0 : dc - 48) * 10 + (s.charCodeAt(p + 5) - 48);
  const secs = d2(s, p + 7) * 3600 + d2(s, p + 10) * 60 + d2(s, p + 13);
  if (!(day >= 1 && day <= 31 && secs >= 0 && secs <= 86400)) return;
  let e = p + 15;
  if (s.charCodeAt(e) === 46) {
    e++;
    while (e < lineEnd && digit(s.charCodeAt(e))) e++;
  }
  if (s.charCodeAt(e) !== 32) return;
  out.kind = StampKind.Syslog;
  out.year = 0;
  out.month = month;
  out.day = day;
  out.secs = secs;
  out.end = e;
  out.offset = '';
}

// A fresh reusable output object.
export function newStampOut(): StampOut {
  return { kind: StampKind.None, month: 0, day: 0, year: 0, secs: 0, end: 0, offset: '' };
}

// Days since 1970-01-01 of a calendar date (proleptic Gregorian), for day keys and time arithmetic.
export function daysFromCivil(y: number, m0: number, d: number): number {
  return Math.floor(Date.UTC(y, m0, d) / 86_400_000);
}

// "2026-12-26" for a day number.
export function dayText(dayNo: number): string {
  return new Date(dayNo * 86_400_000).toISOString().slice(0, 10);
}

// "2026-12-26T04:00:01" for wall-clock seconds since the epoch (the log's own clock, no zone).
export function wallText(wallSecs: number): string {
  return new Date(wallSecs * 1000).toISOString().slice(0, 19);
}
