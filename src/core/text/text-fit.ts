// Fitting escaped text into a terminal line: a serial console wraps long lines into a mess, so
// listings shorten what does not fit, visibly, and never cut an escape sequence in half.

// Ranges of East Asian wide and fullwidth code points (and emoji) that take two columns.
const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200f]$/u;

function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x300) return 1;
  if (ZERO_WIDTH.test(ch)) return 0;
  for (const [lo, hi] of WIDE) if (cp >= lo && cp <= hi) return 2;
  return 1;
}

// Columns a string takes on a terminal (approximate East Asian width; escapes are plain ASCII).
/** @internal unit-tested on its own: test/core/listing-format.test.ts */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

// Units that must stay whole: one escape sequence of escapeName (\n, \033, \u{202e}, \\) or one character.
const UNIT = /\\(?:[0-7]{3}|u\{[0-9a-f]+\}|[\s\S])|[\s\S]/gu;

// Shortens escaped text to `width` columns by cutting out its middle (start and end of a queue
// file name both carry meaning), marked with the ellipsis; returns it unchanged when it fits.
export function fitMiddle(text: string, width: number, ellipsis: string): string {
  if (displayWidth(text) <= width) return text;
  const units = text.match(UNIT) ?? [];
  const room = Math.max(0, width - displayWidth(ellipsis));
  let headRoom = Math.ceil(room / 2);
  let tailRoom = room - headRoom;
  let head = '';
  let i = 0;
  for (; i < units.length; i++) {
    const w = displayWidth(units[i]);
    if (w > headRoom) break;
    head += units[i];
    headRoom -= w;
  }
  tailRoom += headRoom;
  let tail = '';
  for (let j = units.length - 1; j >= i; j--) {
    const w = displayWidth(units[j]);
    if (w > tailRoom) break;
    tail = units[j] + tail;
    tailRoom -= w;
  }
  return head + ellipsis + tail;
}
