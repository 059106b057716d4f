// The one family of unit formatters: every figure (bytes, counts, percentages, durations, rates,
// modes, times) is spelled by one of these, so the same figure reads the same on every screen, in
// the CLI's text and in the incident file. Long forms for sentences ("3.9 GiB", "1,000,000"),
// column forms for tables as df -h / du -h print them ("4.0G", "10.1K").

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

// Bytes in binary units with at most one decimal ("3.9 GiB"), none from 100 on ("512 MiB"); the
// digits past those are cut, not rounded. Written out here, not with toLocaleString: its first
// call loads ICU's number formatting, 13 ms of CPU in every command that prints a size (the
// spelling is the one of pretty-bytes with these options: test/core/units.test.ts compares them).
export function fmtBytes(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '-';
  const sign = n < 0 ? '-' : '';
  let v = Math.abs(n);
  let unit = 0;
  if (v >= 1) unit = Math.min(Math.floor(Math.log(v) / Math.log(1024)), BINARY_UNITS.length - 1);
  v /= 1024 ** unit;
  // log() of a value just below a boundary can round up to it
  if (v < 1 && unit > 0) {
    v *= 1024;
    unit--;
  }
  const cut = cutDecimals(v, 1);
  return `${sign}${Number(cut) >= 100 ? cutDecimals(v, 0) : cut} ${BINARY_UNITS[unit]}`;
}

// v (not negative) with at most one decimal (or none), the rest cut off its shortest decimal
// spelling (so 2.3 stays 2.3 whatever its binary value), without a trailing zero.
function cutDecimals(v: number, digits: 0 | 1): string {
  let text = String(v);
  if (text.includes('e')) text = v < 1 ? v.toFixed(20) : BigInt(Math.trunc(v)).toString();
  const [whole, fraction = ''] = text.split('.');
  const kept = fraction.slice(0, digits).replace(/0+$/, '');
  return kept === '' ? whole : `${whole}.${kept}`;
}

// A count with thousands separators ("1,000,000"). Not toLocaleString: its first call loads ICU's
// number formatting, ~40 ms of CPU in a command that prints one number.
export function fmtCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '-';
  const r = Math.round(n);
  if (!Number.isSafeInteger(r)) return r.toLocaleString('en-US');
  const digits = String(Math.abs(r)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return r < 0 ? `-${digits}` : digits;
}

// A percentage as df shows it ("97%").
export function fmtPercent(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '-';
  return `${Math.round(p)}%`;
}

// A duration short enough for a progress line or a report ("2.5s", "42s", "3m 05s", "1h 02m").
export function fmtDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '-';
  if (seconds < 10) return `${seconds.toFixed(1)}s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

// A rate per second ("12,345/s").
export function fmtRate(perSecond: number | null | undefined): string {
  if (perSecond === null || perSecond === undefined || !Number.isFinite(perSecond)) return '-';
  return `${fmtCount(perSecond)}/s`;
}

// File mode in octal with the special bits (01730, 0600), as the queue table writes it.
export function fmtMode(mode: number): string {
  return '0' + (mode & 0o7777).toString(8).padStart(3, '0');
}

// A local date and time without seconds' noise ("2026-11-20 03:14").
export function fmtTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '-';
  const d = new Date(ms);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

const UNITS = ['K', 'M', 'G', 'T', 'P', 'E'];

// Bytes in powers of 1024 like `df -h`: "0", "812", "4.0K", "23G", "1.5T" (rounded up, as df does).
export function shortBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  if (bytes < 1024) return String(Math.round(bytes));
  let v = bytes;
  let u = -1;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  if (v < 10) {
    const r = Math.ceil(v * 10) / 10;
    if (r < 10) return `${r.toFixed(1)}${UNITS[u]}`;
    v = r;
  }
  const whole = Math.ceil(v);
  if (whole >= 1024 && u < UNITS.length - 1) return `1.0${UNITS[u + 1]}`;
  return `${whole}${UNITS[u]}`;
}

// A count in at most 5 characters like `df -hi`: "812", "10.1K", "450K", "1.2M".
export function shortCount(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '?';
  if (n < 1000) return String(Math.round(n));
  const units = ['K', 'M', 'G', 'T'];
  let v = n;
  let u = -1;
  while (v >= 999.5 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return v < 99.95 ? `${v.toFixed(1)}${units[u]}` : `${Math.round(v)}${units[u]}`;
}
