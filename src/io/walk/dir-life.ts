import fs from 'node:fs';
import { walkDataText } from './messages.js';

// Tells whether a directory being read was deleted meanwhile. readdir cannot: glibc turns the
// kernel's ENOENT on a removed directory into a normal end of directory (POSIX asks it to), so a
// count would silently come out short. An fd held on the directory shows nlink 0 once it is gone.
export interface DirLife {
  /** True once the directory has been removed (rmdir, rm -rf), even if the path was reused. */
  deleted(): boolean;
  close(): void;
}

// Holds an fd on the directory from now on; fails like opendir would (ENOENT, EACCES, ENOTDIR).
export function watchDirLife(dir: string): DirLife {
  let fd: number | null = fs.openSync(dir, fs.constants.O_RDONLY | fs.constants.O_DIRECTORY);
  return {
    deleted() {
      if (fd === null) return false;
      try {
        return fs.fstatSync(fd).nlink === 0;
      } catch (err) {
        // NFS says ESTALE once the directory is gone on the server
        return (err as NodeJS.ErrnoException).code === 'ESTALE';
      }
    },
    close() {
      if (fd !== null) fs.closeSync(fd);
      fd = null;
    },
  };
}

// The error a read that hit the end of a deleted directory reports (as the kernel's getdents does).
export function deletedError(dir: string): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException & { deletedDir?: string } = new Error(walkDataText().deleted(dir));
  err.code = 'ENOENT';
  err.deletedDir = dir;
  return err;
}

// The directory a `deletedError` names (undefined for any other error), so a walk can say so as a fact.
export function deletedDirOf(e: unknown): string | undefined {
  return (e as { deletedDir?: string } | null)?.deletedDir;
}
