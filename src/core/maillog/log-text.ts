// The full pass reads log bytes as latin1 (one char per byte, never a decoding error, fast); text
// shown or exported must be read back as UTF-8 when the bytes are UTF-8 (the common case today:
// "müller", "–" in a remote reply), and stays latin1 only when they are not valid UTF-8.

const utf8 = new TextDecoder('utf-8', { fatal: true });

// True when every char of s is ASCII (nothing to decode).
function ascii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

// The text of log bytes held as a latin1 string: UTF-8 when they are valid UTF-8, else latin1.
export function logText(latin1: string): string {
  if (ascii(latin1)) return latin1;
  try {
    return utf8.decode(Buffer.from(latin1, 'latin1'));
  } catch {
    return latin1;
  }
}

// The same for a nullable value.
export function logTextOrNull(latin1: string | null): string | null {
  return latin1 === null ? null : logText(latin1);
}
