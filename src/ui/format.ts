import prettyBytes from 'pretty-bytes';
import { escapeName } from '../core/text/escape-name.js';

// Figures the operator compares at a glance: one short, ASCII-only spelling for each kind.

// Bytes in binary units with at most one decimal ("3.9 GiB"), like df -h.
export function fmtBytes(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '-';
  const sign = n < 0 ? '-' : '';
  const short = prettyBytes(Math.abs(n), { binary: true, maximumFractionDigits: 1 });
  return sign + (parseFloat(short) >= 100 ? prettyBytes(Math.abs(n), { binary: true, maximumFractionDigits: 0 }) : short);
}

// A count with thousands separators ("1,000,000").
export function fmtCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '-';
  return Math.round(n).toLocaleString('en-US');
}

// A percentage as df shows it ("97%").
export function fmtPercent(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '-';
  return `${Math.round(p)}%`;
}

// A duration in words short enough for a progress line ("1h 02m", "3m 05s", "12s").
export function fmtDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '-';
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

// A name or path made safe for the terminal: escaped like ls -b (the same escaping as the CLI),
// and in ASCII mode every byte above 0x7e spelled in octal, so a serial console never receives one.
export function safeText(text: string | Uint8Array, ascii: boolean): string {
  return escapeName(text, { ascii });
}

// Fits text into width columns, cutting in the middle of long paths ("/var/sp...maildrop").
export function fitMiddle(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length <= width) return text;
  if (width <= 3) return text.slice(0, width);
  const keepEnd = Math.ceil((width - 3) * 0.6);
  const keepStart = width - 3 - keepEnd;
  return text.slice(0, keepStart) + '...' + text.slice(text.length - keepEnd);
}

// Pads or cuts text to exactly width columns (ASCII text; names are escaped before).
export function cell(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  const t = text.length > width ? text.slice(0, width) : text;
  return align === 'right' ? t.padStart(width) : t.padEnd(width);
}

// A labelled value on one line when it fits, else the label alone and the value cut into lines of
// the width: a path the operator must copy (the incident file) is never shortened.
export function labelledLines(label: string, value: string, width: number): string[] {
  const one = `${label} ${value}`;
  if (one.length <= width) return [one];
  const room = Math.max(10, width - 2);
  const out = [label];
  for (let i = 0; i < value.length; i += room) out.push(`  ${value.slice(i, i + room)}`);
  return out;
}

// Wraps a line to at most width columns at its last space that fits (a word longer than the line
// is cut), continuation lines starting with indent; the line's own spacing is kept. For messages
// and plans the operator must read whole.
export function wrapLines(text: string, width: number, indent = ''): string[] {
  const room = Math.max(indent.length + 10, width);
  const out: string[] = [];
  let rest = text;
  let first = true;
  while (rest.length > room) {
    const lead = first ? (/^ */.exec(rest)?.[0].length ?? 0) : indent.length;
    let cut = rest.lastIndexOf(' ', room);
    if (cut <= lead) cut = room;
    out.push(rest.slice(0, cut).trimEnd());
    rest = indent + rest.slice(cut).trimStart();
    first = false;
  }
  out.push(rest);
  return out;
}
