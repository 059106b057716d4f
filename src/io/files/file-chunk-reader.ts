import fs from 'node:fs';
import type { ByteSource } from '../../core/bytes/byte-source.js';

// An open file read by position (pread): the capture never loads more than one chunk, and the
// size is taken once at open so bytes appended later (a delivery in progress) are never read.
export interface OpenedFile {
  fd: number;
  stat: fs.Stats;
  source: ByteSource;
  /** The size now (fstat), to tell how much arrived during the read. */
  sizeNow(): number;
  close(): void;
}

// Opens a regular file for reading without following a symlink and without blocking on a FIFO.
export function openForCapture(hostPath: string): OpenedFile {
  const fd = fs.openSync(hostPath, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  const stat = fs.fstatSync(fd);
  const size = stat.size;
  const source: ByteSource = {
    size,
    async read(pos, len) {
      const start = Math.max(0, pos);
      const n = Math.max(0, Math.min(size, pos + len) - start);
      const buf = Buffer.allocUnsafe(n);
      let got = 0;
      while (got < n) {
        const r = fs.readSync(fd, buf, got, n - got, start + got);
        if (r === 0) break;
        got += r;
      }
      return got === n ? buf : buf.subarray(0, got);
    },
  };
  let closed = false;
  return {
    fd,
    stat,
    source,
    sizeNow: () => fs.fstatSync(fd).size,
    close() {
      if (!closed) fs.closeSync(fd);
      closed = true;
    },
  };
}
