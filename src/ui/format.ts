import { escapeName } from '../core/text/escape-name.js';

// Text layout for the walk's screens: names made terminal-safe, cells, shortening and wrapping.
// Figures are spelled by the one family in core/text/units.ts.

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
