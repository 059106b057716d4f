import fs from 'node:fs';

// A mail log opened for reading: never through a symlink, never blocking on a FIFO, regular
// files only, gzip told by its magic bytes (not its name: rotation tools differ).
export interface OpenedLog {
  fd: number;
  size: number;
  mtimeMs: number;
  gzip: boolean;
  close(): void;
  /** Hands the descriptor to a stream that closes it; close() then does nothing. */
  release(): number;
}

// Why a log could not be opened, as facts: a code, the path and the system's message (logOpenWords words them).
export class LogOpenError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// Opens one log file; throws LogOpenError with a message the operator can act on.
export function openLog(path: string): OpenedLog {
  let fd: number;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ELOOP') throw new LogOpenError(path, 'symlink', err.message);
    if (err.code === 'ENOENT') throw new LogOpenError(path, 'missing', err.message);
    if (err.code === 'EACCES' || err.code === 'EPERM') throw new LogOpenError(path, 'permission', err.message);
    throw new LogOpenError(path, err.code ?? 'error', err.message);
  }
  const st = fs.fstatSync(fd);
  if (!st.isFile()) {
    fs.closeSync(fd);
    throw new LogOpenError(path, 'not-a-file', '');
  }
  const magic = Buffer.alloc(2);
  const n = st.size >= 2 ? fs.readSync(fd, magic, 0, 2, 0) : 0;
  let closed = false;
  return {
    fd,
    size: st.size,
    mtimeMs: st.mtimeMs,
    gzip: n === 2 && magic[0] === 0x1f && magic[1] === 0x8b,
    close() {
      if (!closed) fs.closeSync(fd);
      closed = true;
    },
    release() {
      closed = true;
      return fd;
    },
  };
}

// Reads [pos, pos+len) of an open file (fewer bytes only at the end).
export function readAt(fd: number, pos: number, len: number): Buffer {
  const buf = Buffer.allocUnsafe(len);
  let got = 0;
  while (got < len) {
    const r = fs.readSync(fd, buf, got, len - got, pos + got);
    if (r === 0) break;
    got += r;
  }
  return got === len ? buf : buf.subarray(0, got);
}
