// What the "From " separator line says: who sent the message and when the MDA stored it. These
// dates are the problem window of the incident report (when mail started piling up, until when).
export interface FromLine {
  /** The line as written, without its line end. */
  line: string;
  sender: string | null;
  /** The date text as written, e.g. "Thu Nov 20 03:14:00 2026". */
  date: string | null;
  /** The same as an ISO-like local time "2026-11-20T03:14:00" (mbox dates carry no zone). */
  isoLocal: string | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// asctime() with optional zone before the year (some MDAs), e.g. "Mon Nov  3 08:00:01 2026".
const DATE = /([A-Z][a-z]{2}) +([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2})(?::(\d{2}))?(?: +[A-Z+-][A-Za-z0-9]{2,5})? +(\d{4})/;

const p2 = (n: number | string) => String(n).padStart(2, '0');

// Parses a separator line leniently: a line that does not parse keeps its text and gets nulls.
export function parseFromLine(line: string): FromLine {
  const text = line.replace(/\r?\n$/, '').replace(/\r$/, '');
  const rest = text.startsWith('From ') ? text.slice(5) : text;
  const m = DATE.exec(rest);
  if (!m) return { line: text, sender: rest.split(/\s+/)[0] || null, date: null, isoLocal: null };
  const month = MONTHS.indexOf(m[2]);
  const sender = rest.slice(0, m.index).trim() || null;
  const isoLocal = month === -1 ? null : `${m[7]}-${p2(month + 1)}-${p2(m[3])}T${m[4]}:${m[5]}:${p2(m[6] ?? '00')}`;
  return { line: text, sender, date: m[0], isoLocal };
}
