import { escapeName } from './escape-name.js';

// Text for 80-column tables: paths and sentences shortened or wrapped to fit (the figures in them
// come from core/text/units.ts).

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
/** @internal unit-tested on its own: test/core/table-text.test.ts */
export function asciiOnly(text: string): string {
  return text.replace(/[^\x00-\x7e]/gu, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}

// A name (path, device, command) as a table shows it: escaped like ls -b, and ASCII-only when asked.
export function shownName(name: string | Uint8Array, ascii: boolean): string {
  const text = escapeName(name);
  return ascii ? asciiOnly(text) : text;
}
