// A name as a JSON string for ncdu's export format, byte for byte: ncdu writes a name's bytes as
// they are (a name need not be UTF-8) and escapes only what JSON requires. Self-contained: the
// scan workers run it from its source text.

// The quoted JSON string of a name given as latin1 text (one character per byte), to be written
// with the latin1 encoding so every byte comes out unchanged.
export function ncduName(latin1: string): string {
  let out = '"';
  let from = 0;
  for (let i = 0; i < latin1.length; i++) {
    const c = latin1.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c && c !== 0x7f) continue;
    out += latin1.slice(from, i) + (c === 0x22 ? '\\"' : c === 0x5c ? '\\\\' : '\\u' + c.toString(16).padStart(4, '0'));
    from = i + 1;
  }
  return out + latin1.slice(from) + '"';
}

// latin1 text of a name found on disk (text: its UTF-8 bytes; exact bytes: as they are).
export function latin1Name(name: string | Uint8Array): string {
  if (typeof name !== 'string') return Buffer.from(name.buffer, name.byteOffset, name.byteLength).toString('latin1');
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) > 0x7f) return Buffer.from(name, 'utf8').toString('latin1');
  return name;
}

// One entry that is not a directory, as a line of ncdu's export (with its leading comma): st is
// Node's stat array (1 mode, 2 nlink, 7 ino, 8 size, 9 blocks), or undefined for a mount point
// that was not entered ("excluded":"otherfs", as ncdu -x writes it).
export function ncduEntry(name: string | Uint8Array, st: ArrayLike<number> | undefined): string {
  const quoted = ncduName(latin1Name(name));
  if (st === undefined) return `,\n{"name":${quoted},"excluded":"otherfs"}`;
  const type = st[1] & 0o170000;
  const bytes = st[9] * 512;
  let line = `,\n{"name":${quoted},"asize":${st[8]}`;
  if (bytes) line += `,"dsize":${bytes}`;
  if (st[2] > 1 && type !== 0o040000) line += `,"ino":${st[7]},"hlnkc":true,"nlink":${st[2]}`;
  if (type !== 0o100000) line += ',"notreg":true';
  return line + '}';
}
