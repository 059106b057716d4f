// Captured bytes are attacker-controlled (a spammer writes the message, a forged queue file): they
// reach the incident file and the terminal as visible text, never as raw control sequences.

const decoder = new TextDecoder('utf-8', { fatal: false });
const hex = (b: number) => '\\x' + b.toString(16).padStart(2, '0');
// Code points that change how the rest of a line is shown (bidi overrides, zero-width, separators).
const INVISIBLE = /[\u0080-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/u;

function utf8Length(b: number): number {
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

function escapeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp === 0x09 || cp === 0x0a) return ch;
  if (cp < 0x20 || cp === 0x7f) return hex(cp);
  if (INVISIBLE.test(ch)) return `\\u{${cp.toString(16)}}`;
  return ch;
}

// Shows bytes as text: valid UTF-8 as is, tabs and line ends kept, CR of CRLF line ends dropped
// (the section says the file uses CRLF), every other control byte or invalid byte as \xNN.
export function showBytes(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === 0x0d && bytes[i + 1] === 0x0a) {
      i++;
      continue;
    }
    const len = utf8Length(b);
    if (len === 1) {
      out += escapeChar(String.fromCharCode(b));
      i++;
      continue;
    }
    if (len > 1 && i + len <= bytes.length) {
      const text = decoder.decode(bytes.subarray(i, i + len));
      if (!text.includes('\ufffd')) {
        out += escapeChar(text);
        i += len;
        continue;
      }
    }
    out += hex(b);
    i++;
  }
  return out;
}

// How many bytes look like binary (NUL or other controls besides tab, LF, CR, FF, ESC), to say
// "binary garbage" instead of showing a wall of escapes as if it were a message.
export function binaryShare(bytes: Uint8Array): number {
  if (bytes.length === 0) return 0;
  let bad = 0;
  for (const b of bytes) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) bad++;
  return bad / bytes.length;
}

// A Markdown fenced block that the text cannot close early: the fence is longer than any run of
// backticks inside (CommonMark), so a message cannot inject Markdown into the report.
export function fencedBlock(text: string, info = 'text'): string {
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const body = text.endsWith('\n') ? text : text + '\n';
  return `${fence}${info}\n${body}${fence}\n`;
}

// Text for a Markdown table cell or a one-line field: escaped, pipes and backticks neutralised.
export function inlineText(s: string): string {
  return showBytes(Buffer.from(s, 'utf8')).replace(/\n/g, '\\n').replace(/\t/g, ' ').replace(/\|/g, '\\|');
}
