// Postfix queue file records (src/global/record.c): a type byte, the length in 7-bit groups
// low-order first (0x80 on all but the last), then the data. Writing one is here; reading them
// from the windows of a file the reader loaded is recordAt, which lives with the envelope parser
// (envelope.ts) so the scan's worker threads can define the parser from its source in one piece.

export { recordAt } from './envelope.js';

// Encodes one record (tests and the fixture generator write queue files with it).
export function encodeRecord(type: string, data: string | Buffer): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const len: number[] = [];
  let n = body.length;
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    len.push(b);
  } while (n);
  return Buffer.concat([Buffer.from(type, 'latin1'), Buffer.from(len), body]);
}
