import { escapeName } from './escape-name.js';

// Text for 80-column tables: sizes and counts as df -h and du -h show them (an operator compares
// with the classic tools at a glance), and paths and sentences shortened or wrapped to fit.

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

// A count with thousands separators, for sentences ("505,051 entries"). Not toLocaleString: its
// first call loads ICU's number formatting, ~40 ms of CPU in a command that prints one number.
export function groupDigits(n: number): string {
  const r = Math.round(n);
  if (!Number.isSafeInteger(r)) return r.toLocaleString('en-US');
  const digits = String(Math.abs(r)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return r < 0 ? `-${digits}` : digits;
}

// Shortens text to width by cutting its middle ("/var/spool/po...maildrop"): both the top of a
// path and its last component stay readable.
export function elideMiddle(text: string, width: number): string {
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  if (width <= 3) return chars.slice(0, width).join('');
  const keep = width - 3;
  const head = Math.ceil(keep / 2);
  return `${chars.slice(0, head).join('')}...${chars.slice(chars.length - (keep - head)).join('')}`;
}

// Wraps text at spaces to width, continuing lines with indent.
export function wrap(text: string, width: number, indent: string): string[] {
  const lead = /^ */.exec(text)![0];
  const words = text.slice(lead.length).split(' ');
  const out: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : lead + word;
    if (Array.from(candidate).length > width && line) {
      out.push(line);
      line = indent + word;
    } else line = candidate;
  }
  if (line) out.push(line);
  return out.map((l) => (Array.from(l).length > width ? elideMiddle(l, width) : l));
}

// Text for a terminal that shows only ASCII (serial consoles, --ascii): every other code point
// becomes \u{...}, so the name stays recognisable and nothing garbles the console.
export function asciiOnly(text: string): string {
  return text.replace(/[^\x00-\x7e]/gu, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}

// A name (path, device, command) as a table shows it: escaped like ls -b, and ASCII-only when asked.
export function shownName(name: string | Uint8Array, ascii: boolean): string {
  const text = escapeName(name);
  return ascii ? asciiOnly(text) : text;
}
