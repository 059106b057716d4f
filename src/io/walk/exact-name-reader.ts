import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { EntryKind } from '../../core/listing/entry.js';
import { direntKind } from './dir-stream.js';
import { deletedError, watchDirLife, type DirLife } from './dir-life.js';

// One name from readdir: text, plus the exact bytes when the text alone would lose some.
export interface NamedDirent {
  name: string;
  /** Exact bytes; set only when the name is not valid UTF-8. */
  bytes: Buffer | undefined;
  kind: EntryKind;
  /** False in the rare case the exact bytes could not be recovered (see read()); name is then lossy. */
  exact: boolean;
}

// Tuning of the reader; the defaults suit both the pager and the full scans.
export interface ExactNameReaderOptions {
  /** 'text' reads names as strings (fast; switches to bytes at the first U+FFFD); 'bytes' from the start. */
  start?: 'text' | 'bytes';
  /** How far (in entries) the byte stream may have drifted from the text stream when re-finding a name. */
  window?: number;
  /** Entries fetched from the kernel per getdents batch. */
  bufferSize?: number;
}

type TextDir = { readSync(): fs.Dirent | null; closeSync(): void };
type BytesDir = { readSync(): fs.Dirent<Buffer> | null; closeSync(): void };

const openBytes = (dir: string, bufferSize: number): BytesDir =>
  fs.opendirSync(dir, { bufferSize, encoding: 'buffer' as BufferEncoding }) as unknown as BytesDir;

function fromBytes(d: fs.Dirent<Buffer>): NamedDirent {
  const name = d.name.toString('utf8');
  const lossy = name.includes('\uFFFD') && !isUtf8(d.name);
  return { name, bytes: lossy ? d.name : undefined, kind: direntKind(d), exact: true };
}

// Reads a directory in readdir order with names that are never lossy, at string speed: names are
// read as text (the fast path, like `ls -U`) until one contains U+FFFD, which is what Node gives
// for bytes that are not UTF-8. Then a second, byte-mode handle is opened, brought to the same
// place (found by that name and the one before it, so entries added or removed meanwhile do not
// shift it), and the rest is read in byte mode. Directories without such names never pay for it.
export class ExactNameReader {
  private text: TextDir | null = null;
  private bytes: BytesDir | null = null;
  private index = 0;
  private previous: string | null = null;
  private readonly window: number;
  private readonly bufferSize: number;
  private readonly life: DirLife;

  // Opens the directory at once, so a missing or unreadable directory fails here (ENOENT, EACCES, ENOTDIR).
  constructor(
    private readonly dir: string,
    o: ExactNameReaderOptions = {},
  ) {
    this.window = o.window ?? 65_536;
    this.bufferSize = o.bufferSize ?? 1024;
    this.life = watchDirLife(dir);
    try {
      if (o.start === 'bytes') this.bytes = openBytes(dir, this.bufferSize);
      else this.text = fs.opendirSync(dir, { bufferSize: this.bufferSize });
    } catch (err) {
      this.life.close();
      throw err;
    }
  }

  // Entries read so far.
  get position(): number {
    return this.index;
  }

  // Whether the byte-mode handle took over (a name that is not UTF-8 was met, or start was 'bytes').
  get readingBytes(): boolean {
    return this.bytes !== null;
  }

  // The next entry, or null at the end. Throws what readdir throws, and ENOENT at the end of a
  // directory that was deleted while it was read (what was read before is still good).
  read(): NamedDirent | null {
    let out: NamedDirent | null;
    if (this.bytes) {
      const d = this.bytes.readSync();
      out = d === null ? null : fromBytes(d);
    } else {
      const d = this.text?.readSync() ?? null;
      if (d === null) out = null;
      else if (d.name.includes('\uFFFD')) out = this.takeOverWithBytes(d);
      else out = { name: d.name, bytes: undefined, kind: direntKind(d), exact: true };
    }
    if (out) {
      this.index++;
      this.previous = out.name;
    } else if (this.life.deleted()) {
      throw deletedError(this.dir);
    }
    return out;
  }

  // Closes whatever handle is open; safe to call twice.
  close(): void {
    for (const h of [this.text, this.bytes]) {
      try {
        h?.closeSync();
      } catch {
        // already closed
      }
    }
    this.text = null;
    this.bytes = null;
    this.life.close();
  }

  // Finds the entry the text stream just gave (by its text, near the same position, preferring
  // the one whose predecessor also matches) in a byte-mode handle and continues from there.
  private takeOverWithBytes(d: fs.Dirent): NamedDirent {
    const lossy: NamedDirent = { name: d.name, bytes: undefined, kind: direntKind(d), exact: false };
    const lo = this.index - this.window;
    const hi = this.index + this.window;
    let best = -1;
    let bestScore = Infinity;
    const b = openBytes(this.dir, this.bufferSize);
    try {
      let before: string | null = null;
      for (let j = 0; j <= hi; j++) {
        const e = b.readSync();
        if (e === null) break;
        const text = e.name.toString('utf8');
        if (j >= lo && text === d.name) {
          const score = Math.abs(j - this.index) + (before === this.previous ? 0 : this.window + 1);
          if (score === 0) return this.switchTo(b, e);
          if (score < bestScore) [best, bestScore] = [j, score];
        }
        before = text;
      }
    } catch {
      // the byte-mode read failed (directory deleted meanwhile): keep the lossy name
    }
    b.closeSync();
    if (best < 0) return lossy;
    // The directory changed under us: a second handle stops exactly at the best candidate.
    const again = openBytes(this.dir, this.bufferSize);
    try {
      for (let j = 0; j < best; j++) if (again.readSync() === null) break;
      const e = again.readSync();
      if (e !== null && e.name.toString('utf8') === d.name) return this.switchTo(again, e);
    } catch {
      // as above
    }
    again.closeSync();
    return lossy;
  }

  private switchTo(b: BytesDir, e: fs.Dirent<Buffer>): NamedDirent {
    this.text?.closeSync();
    this.text = null;
    this.bytes = b;
    return fromBytes(e);
  }
}
