import fs from 'node:fs';
import path from 'node:path';

// Fills a directory with n entries as fast as one process can (hard links to one empty file:
// one link(2) per entry, no open/close), for tests that need a directory of a million entries.
export function fillWithLinks(dir: string, n: number, name: (i: number) => string = (i) => `f${i}`): void {
  fs.mkdirSync(dir, { recursive: true });
  const source = path.join(path.dirname(dir), `.${path.basename(dir)}.link-source`);
  fs.writeFileSync(source, '');
  const prefix = dir + '/';
  for (let i = 0; i < n; i++) fs.linkSync(source, prefix + name(i));
}

// Joins a directory and a name given as raw bytes (names that are not UTF-8).
export function bytePath(dir: string, name: Buffer): Buffer {
  return Buffer.concat([Buffer.from(dir + '/'), name]);
}

// Every name in a directory as exact bytes, hex-encoded (comparable as strings in sets).
export function namesHex(dir: string): Set<string> {
  return new Set((fs.readdirSync(dir, { encoding: 'buffer' }) as Buffer[]).map((b) => b.toString('hex')));
}
