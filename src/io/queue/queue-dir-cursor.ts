import fs from 'node:fs';
import path from 'node:path';
import { moveBack } from '../system/working-dir.js';

// Node has no unlinkat: a queue file removed by its full path is looked up again through every
// directory on the way, and whoever can write the queue directory could swap a hash directory for
// a symlink between the check and the unlink. The cursor enters a directory below the queue one
// verified step at a time instead (lstat the name: a real directory of the queue's filesystem, of
// the queue's owner below the queue's own directory; chdir into it; '.' must be that same inode),
// so the caller unlinks bare names in the directory that was checked, whatever is swapped in its
// place meanwhile. Each directory's inode is pinned the first time it is entered: a later entry
// (after the caller yielded to the event loop and came back) must find the same one.

// The rule for a directory below the queue directory, shared by the check and the removal: a real
// directory (an lstat: no symlink) on the queue's filesystem, of `owner` when one is given (the
// queue directory's owner, for the hash directories in it). null when it fits, else an errno-like
// code shown as the error of the files in it.
export function queueDirRefusal(st: fs.Stats, rootDev: number, owner?: number): string | null {
  if (st.isSymbolicLink()) return 'ELOOP';
  if (!st.isDirectory()) return 'ENOTDIR';
  if (st.dev !== rootDev) return 'EXDEV';
  if (owner !== undefined && st.uid !== owner) return 'EPERM';
  return null;
}

// A cursor over one queue directory's subdirectories; always leave() before yielding and at the end.
export interface QueueDirCursor {
  /** Makes `rel` ("deferred/2/4") the working directory; null once there, else why not: ENOENT,
   * ELOOP, ENOTDIR, EXDEV, EPERM as queueDirRefusal, ESTALE when not the inode entered before. */
  enter(rel: string): string | null;
  /** Back to the working directory from before the first enter (a no-op when not away). */
  leave(): void;
}

interface Inode {
  dev: number;
  ino: number;
}

const same = (a: Inode, b: Inode) => a.dev === b.dev && a.ino === b.ino;

function currentDir(): string {
  try {
    return process.cwd();
  } catch {
    return '/'; // deleted: come back anywhere that exists
  }
}

// Opens a cursor on queueDir (the queue directory itself is trusted: it is root's, above what the
// queue's owner can change). `entered` is told each directory once it is verified and current.
export function queueDirCursor(queueDir: string, entered?: (rel: string) => void): QueueDirCursor {
  const base = path.resolve(queueDir);
  let root: fs.Stats | undefined;
  const pins = new Map<string, Inode>();
  let previous: string | undefined;
  let here: string | undefined;
  const walk = (rel: string): string | null => {
    process.chdir(base);
    root ??= fs.statSync('.');
    if (!same(fs.lstatSync('.'), root)) return 'ESTALE';
    let prefix = '';
    let owner: number | undefined;
    for (const name of rel.split('/')) {
      prefix = prefix ? `${prefix}/${name}` : name;
      const st = fs.lstatSync(name, { throwIfNoEntry: false });
      if (!st) return 'ENOENT';
      const why = queueDirRefusal(st, root.dev, owner);
      if (why) return why;
      const pin = pins.get(prefix);
      if (pin && !same(st, pin)) return 'ESTALE';
      process.chdir(name);
      // the name could have been swapped between the lstat and the chdir: '.' is what counts
      if (!same(fs.lstatSync('.'), st)) return 'ESTALE';
      if (!pin) pins.set(prefix, { dev: st.dev, ino: st.ino });
      owner ??= st.uid;
    }
    return null;
  };
  return {
    enter(rel) {
      if (here === rel) return null;
      here = undefined;
      try {
        previous ??= currentDir();
        const why = walk(rel);
        if (why) return why;
      } catch (e) {
        return (e as NodeJS.ErrnoException).code ?? String(e);
      }
      here = rel;
      entered?.(rel);
      return null;
    },
    leave() {
      here = undefined;
      if (previous === undefined) return;
      moveBack(previous);
      previous = undefined;
    },
  };
}
