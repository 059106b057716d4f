
// Fitting escaped text into terminal columns: every table, screen and progress line shortens and
// wraps through these, so a Japanese name (two columns a character), a combining mark (none) and
// an escape sequence (\033, \u{202e}, \377) are measured alike and never cut in half.

import { knownWidth } from './known-width.js';

// string-width, loaded on the first text knownWidth cannot measure (an emoji, a combining mark, a
// control sequence): evaluating it builds an Intl.Segmenter and Unicode-property regular
// expressions (RGI_Emoji), ~50 ms of CPU. A require() call, not an import, is what the bundler
// turns into a lazily evaluated module.
let stringWidth: ((s: string) => number) | undefined;

// Columns a string takes on a terminal (East Asian wide characters count two, combining marks none).
export function displayWidth(s: string): number {
  // s.length first: a value that is not text (a missing label) fails here, loudly, not as "undefined".
  if (s.length === 0) return 0;
  const known = knownWidth(s);
  if (known !== undefined) return known;
  stringWidth ??= (require('string-width') as { default: (s: string) => number }).default;
  return stringWidth(s);
}

// Units that must stay whole: one escape sequence of escapeName (\n, \033, \u{202e}, \\) or one
// user-perceived character (a letter with its combining marks).
// Made on first use: V8 builds the set of marks (\p{M}) when the expression is created, ~0.4 ms at
// every start of every command, though only a text too long for its place is ever cut.
let unit: RegExp | undefined;

function unitsOf(text: string): string[] {
  unit ??= /\\(?:[0-7]{3}|u\{[0-9a-f]+\}|[\s\S])|[\s\S][\p{M}\u200d\ufe0f]*/gu;
  return text.match(unit) ?? [];
}

// The marker a shortened text carries: the ellipsis, or three dots where only ASCII may be shown.
export function cutMarker(ascii: boolean): string {
  return ascii ? '...' : '\u2026';
}

// Shortens escaped text to `width` columns by cutting out its middle, marked visibly. In a path a
// third of the room goes to the start and the rest to the end, because the end is what tells
// entries apart (.../defer/C and .../deferred/C); other text (a sender, a device) keeps halves.
// Unchanged when it fits.
export function fitMiddle(text: string, width: number, ascii = false): string {
  return shorten(text, width, ascii, (units, room, marker) => {
    const head = takeColumns(units, Math.floor(room / (text.includes('/') ? 3 : 2)));
    const tailRoom = room - displayWidth(head.join(''));
    const tail = takeColumns(units.slice(head.length).reverse(), tailRoom).reverse();
    return head.join('') + marker + tail.join('');
  });
}

// Shortens text to `width` columns by cutting its end, marked visibly (a sentence or a label whose
// start says what it is). Unchanged when it fits.
export function fitEnd(text: string, width: number, ascii = false): string {
  return shorten(text, width, ascii, (units, room, marker) => takeColumns(units, room).join('') + marker);
}

// What fitMiddle and fitEnd share: nothing in no room, the text when it fits, its first columns
// when not even the marker fits; otherwise `cut` shortens the units to `room` columns plus the marker.
function shorten(text: string, width: number, ascii: boolean, cut: (units: string[], room: number, marker: string) => string): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  const marker = cutMarker(ascii);
  const room = width - displayWidth(marker);
  if (room <= 0) return takeColumns(unitsOf(text), width).join('');
  return cut(unitsOf(text), room, marker);
}

// The end of text in `columns` after `marker` (what was typed last, where the cursor is).
export function fitStart(text: string, columns: number, marker: string): string {
  const units = unitsOf(text);
  const tail = takeColumns([...units].reverse(), Math.max(1, columns)).reverse();
  return tail.length === units.length ? text : marker + tail.join('');
}

// The leading units that fit in `columns`.
function takeColumns(units: readonly string[], columns: number): string[] {
  const out: string[] = [];
  let left = columns;
  for (const u of units) {
    const w = displayWidth(u);
    if (w > left) break;
    out.push(u);
    left -= w;
  }
  return out;
}

// Text padded (or shortened in its middle) to exactly `width` columns, for table cells.
export function padCell(text: string, width: number, align: 'left' | 'right' = 'left', ascii = false): string {
  if (width <= 0) return '';
  const t = fitMiddle(text, width, ascii);
  const pad = ' '.repeat(Math.max(0, width - displayWidth(t)));
  return align === 'right' ? pad + t : t + pad;
}

// Wraps text to lines of at most `width` columns at spaces, continuation lines starting with
// `indent`; a word longer than a line is split between whole units, never shortened: messages and
// plans are read whole. The text's own spacing (leading spaces, aligned columns) is kept.
export function wrapText(text: string, width: number, indent = ''): string[] {
  const room = Math.max(displayWidth(indent) + 10, width);
  const out: string[] = [];
  let line = '';
  let started = false;
  let gap = '';
  for (const token of text.match(/ +|[^ ]+/g) ?? ['']) {
    if (token.startsWith(' ')) {
      gap = token;
      continue;
    }
    if (displayWidth(line + gap + token) <= room) {
      line += gap + token;
    } else {
      if (started) {
        out.push(line);
        line = indent;
      } else line += gap;
      let rest = unitsOf(token);
      while (displayWidth(line + rest.join('')) > room) {
        const part = takeColumns(rest, room - displayWidth(line));
        if (part.length === 0) part.push(rest[0]);
        out.push(line + part.join(''));
        line = indent;
        rest = rest.slice(part.length);
      }
      line += rest.join('');
    }
    started = true;
    gap = '';
  }
  out.push(line);
  return out;
}

// A labelled value on one line when it fits, else the label alone and the value split into lines
// of the width: a path the operator must copy (the incident file) is never shortened.
export function labelledLines(label: string, value: string, width: number): string[] {
  const one = `${label} ${value}`;
  if (displayWidth(one) <= width) return [one];
  const room = Math.max(10, width - 2);
  const out = [label];
  let rest = unitsOf(value);
  while (rest.length) {
    const part = takeColumns(rest, room);
    if (part.length === 0) part.push(rest[0]);
    out.push(`  ${part.join('')}`);
    rest = rest.slice(part.length);
  }
  return out;
}
