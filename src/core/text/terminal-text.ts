// Every byte that reaches a terminal from this tool is either text or a sequence the tool itself
// chose: a name, a path or a message carrying ESC, CR, BEL or a bidi override must show as
// visible escapes, never act on the terminal. These are the rules of that one sink.

// Code points that act on a terminal or hide text: C0 and C1 controls, DEL, and invisible or
// direction-changing code points (the set escapeName and showBytes also escape).
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/gu;
const C_ESCAPES: Record<string, string> = { '\u0007': '\\a', '\u0008': '\\b', '\u000b': '\\v', '\u000c': '\\f', '\u000d': '\\r', '\u001b': '\\033' };

const visible = (ch: string): string => {
  const cp = ch.codePointAt(0)!;
  return C_ESCAPES[ch] ?? (cp < 0x80 ? '\\' + cp.toString(8).padStart(3, '0') : `\\u{${cp.toString(16)}}`);
};

// Text made safe for a terminal: line ends and tabs kept, every other control or invisible code
// point shown as an escape (\033, \r, \u{202e}). Already-escaped text passes unchanged.
export function terminalText(text: string): string {
  return text.replace(UNSAFE, visible);
}

// One line for a terminal: like terminalText, and a line end inside it is shown as \n so a
// name can never start a line of its own (a forged "spoolrescue: done").
export function terminalLine(text: string): string {
  return terminalText(text).replace(/\n/g, '\\n');
}

// JSON text whose strings keep their exact value but cannot act on a terminal either: the code
// points terminalText would escape are written as \u escapes, which JSON readers decode back.
export function terminalSafeJson(json: string): string {
  return json.replace(UNSAFE, (ch) => '\\u' + ch.codePointAt(0)!.toString(16).padStart(4, '0'));
}

// What a terminal frame may keep raw: the colour sequences (SGR) Ink writes, and line ends.
const SGR = /\u001b\[[0-9;]*m/y;

// A whole TUI frame made safe: Ink's own colour sequences and line ends pass, any other control
// byte (from a name rendered inside the frame) is shown escaped.
export function terminalFrame(frame: string): string {
  let out = '';
  let i = 0;
  while (i < frame.length) {
    const next = frame.slice(i).search(UNSAFE);
    if (next === -1) return out + frame.slice(i);
    out += frame.slice(i, i + next);
    i += next;
    SGR.lastIndex = i;
    const m = SGR.exec(frame);
    if (m) {
      out += m[0];
      i += m[0].length;
      continue;
    }
    const ch = String.fromCodePoint(frame.codePointAt(i)!);
    out += visible(ch);
    i += ch.length;
  }
  return out;
}
