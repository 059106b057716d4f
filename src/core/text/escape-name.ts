// File names are attacker-controlled (a forged queue file, a user's mailbox): they must reach a
// terminal escaped and visible, never raw, and reach JSON exactly.

// Made on first use: a strict decoder costs ~0.1 ms to make, at every start of every command.
let strictDecoder: InstanceType<typeof TextDecoder> | undefined;
const decoder = { decode: (bytes: Uint8Array): string => (strictDecoder ??= new TextDecoder('utf-8', { fatal: true })).decode(bytes) };

const oct = (b: number) => '\\' + b.toString(8).padStart(3, '0');
const SIMPLE: Record<number, string> = { 0x07: '\\a', 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0b: '\\v', 0x0c: '\\f', 0x0d: '\\r', 0x5c: '\\\\' };

// Code points that change how the rest of a line is shown (bidi overrides, zero-width, line separators).
const INVISIBLE = /[\u0080-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/u;

let utf8Encoder: InstanceType<typeof TextEncoder> | undefined;
const encoder = { encode: (text: string): Uint8Array => (utf8Encoder ??= new TextEncoder()).encode(text) };

// Options for how a name is shown.
export interface EscapeOptions {
  /** ASCII-only terminal (serial console, --ascii): every non-ASCII byte as octal, like `ls -b` in the C locale. */
  ascii?: boolean;
}

function escapeText(s: string, ascii: boolean): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || cp === 0x7f || cp === 0x5c) out += SIMPLE[cp] ?? oct(cp);
    else if (cp < 0x80) out += ch;
    else if (ascii) for (const b of encoder.encode(ch)) out += oct(b);
    else if (INVISIBLE.test(ch)) out += `\\u{${cp.toString(16)}}`;
    else out += ch;
  }
  return out;
}

// Shows a name the way `ls -b` would: C escapes for control characters and backslash, octal
// bytes for invalid UTF-8, \u{...} for invisible or direction-changing code points.
export function escapeName(name: Buffer | Uint8Array | string, opts: EscapeOptions = {}): string {
  const ascii = opts.ascii === true;
  if (typeof name === 'string') return escapeText(name, ascii);
  try {
    return escapeText(decoder.decode(name), ascii);
  } catch {
    // invalid UTF-8: escape byte by byte, decoding the valid runs
  }
  let out = '';
  let i = 0;
  while (i < name.length) {
    const b = name[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len > 0 && i + len <= name.length) {
      try {
        out += escapeText(decoder.decode(name.subarray(i, i + len)), ascii);
        i += len;
        continue;
      } catch {
        // fall through to a single escaped byte
      }
    }
    out += oct(b);
    i++;
  }
  return out;
}

// The name as JSON keeps it: text when the bytes are valid UTF-8, plus nameBase64 (exact bytes) when not.
export function nameForJson(name: Buffer | Uint8Array): { name: string; nameBase64?: string } {
  try {
    return { name: decoder.decode(name) };
  } catch {
    return { name: Buffer.from(name).toString('utf8'), nameBase64: Buffer.from(name).toString('base64') };
  }
}
