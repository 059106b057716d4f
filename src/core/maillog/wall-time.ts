import { wallText } from './stamp.js';

// ISO 8601 text with an offset for a wall-clock time of the log. The offset is the one the log
// wrote (RFC 3339 stamps) or, for syslog stamps that have none, this machine's offset then.
export function isoWithOffset(wall: number, logOffset: string): string {
  const text = wallText(wall);
  if (logOffset === 'Z') return `${text}Z`;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(logOffset);
  if (m) return `${text}${m[1]}${m[2]}:${m[3]}`;
  const d = new Date(wall * 1000);
  const local = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
  const off = -local.getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${text}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

// Wall-clock seconds of a --since/--until value ("2026-12-26", "2026-12-26T04:00", "2026-12-26 04:00:01"); null when unreadable.
export function parseWallTime(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  return Date.UTC(y, mo - 1, d, h, mi, s) / 1000;
}
