// Time stamps at the start of a mail log line: classic syslog ("Nov  3 08:00:01", no year) or
// RFC 3339 (rsyslog's high-precision format, journald exports, Postfix's maillog_file).
export interface LogStamp {
  /** The stamp as written. */
  text: string;
  /** ISO text when the stamp holds a year (or one was supplied), else null. */
  iso: string | null;
  /** The year was not in the line but taken from elsewhere (the file's mtime). */
  yearAssumed: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SYSLOG = /^([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2})\b/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?/;
const p2 = (n: number | string) => String(n).padStart(2, '0');

// Parses the stamp a log line starts with; `year` fills in syslog stamps (which have none).
export function parseLogStamp(line: string, year?: number): LogStamp | null {
  const r = RFC3339.exec(line);
  if (r) return { text: r[0], iso: r[0].replace(' ', 'T'), yearAssumed: false };
  const s = SYSLOG.exec(line);
  if (!s) return null;
  const month = MONTHS.indexOf(s[1]);
  if (month === -1) return null;
  const iso = year === undefined ? null : `${year}-${p2(month + 1)}-${p2(s[2].trim())}T${s[3]}:${s[4]}:${s[5]}`;
  return { text: s[0], iso, yearAssumed: year !== undefined };
}

// True when a line looks like a log line (starts with a stamp): tells a maillog from an mbox.
export function looksLikeLogLine(line: string): boolean {
  return parseLogStamp(line) !== null;
}

// The years of a syslog span whose last line was written in `lastYear` (the file's mtime): a first
// month later in the year than the last month means the log started the year before.
export function assumeYears(firstLine: string, lastLine: string, lastYear: number): { first: number; last: number } {
  const f = SYSLOG.exec(firstLine);
  const l = SYSLOG.exec(lastLine);
  if (!f || !l) return { first: lastYear, last: lastYear };
  const fm = MONTHS.indexOf(f[1]);
  const lm = MONTHS.indexOf(l[1]);
  const later = fm > lm || (fm === lm && Number(f[2]) > Number(l[2]));
  return { first: later ? lastYear - 1 : lastYear, last: lastYear };
}
