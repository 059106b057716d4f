import fs from 'node:fs';
import { truncateIoText } from './messages.js';

// What truncation did, checked by stat before and after: same inode, owner and mode, size 0.
export interface TruncateResult {
  dev: number;
  ino: number;
  sizeBefore: number;
  sizeAfter: number;
  uid: number;
  gid: number;
  mode: number;
  /** Owner, mode and inode are unchanged after truncation (re-read with lstat). */
  kept: boolean;
}

// A truncation that did not happen or did not hold; the message says what to do.
export class TruncateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TruncateError';
  }
}

// Empties a spool in place (ftruncate on the open file: inode, owner, mode, SELinux label and
// hard links all kept, unlike rm + recreate) after checking it is still the file that was
// captured (device and inode), then fsyncs and verifies with a fresh lstat.
export function truncateInPlace(hostPath: string, expect: { dev: number; ino: number }): TruncateResult {
  let fd: number;
  try {
    fd = fs.openSync(hostPath, fs.constants.O_WRONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new TruncateError(truncateIoText().cannotOpenForWriting(hostPath, err.code === 'ELOOP' ? truncateIoText().isSymlink : err.message));
  }
  try {
    const before = fs.fstatSync(fd);
    if (!before.isFile()) throw new TruncateError(truncateIoText().notRegular(hostPath));
    if (before.dev !== expect.dev || before.ino !== expect.ino) {
      throw new TruncateError(truncateIoText().replaced(hostPath, expect.ino, before.ino));
    }
    try {
      fs.ftruncateSync(fd, 0);
      fs.fsyncSync(fd);
    } catch (e) {
      throw new TruncateError(truncateIoText().truncateFailed(hostPath, (e as Error).message));
    }
    const after = fs.fstatSync(fd);
    const now = fs.lstatSync(hostPath);
    const kept = now.ino === before.ino && now.dev === before.dev && now.uid === before.uid && now.gid === before.gid && now.mode === before.mode;
    return { dev: before.dev, ino: before.ino, sizeBefore: before.size, sizeAfter: after.size, uid: now.uid, gid: now.gid, mode: now.mode & 0o7777, kept };
  } finally {
    fs.closeSync(fd);
  }
}
