import fs from 'node:fs';

// lstat by bare name from inside the directory is about 25% quicker than by full path on a deep
// path (the kernel walks one component instead of all of them, as find's fstatat does). Node has
// no fstatat, so the working directory is switched to the directory (through /proc/self/fd, so a
// rename cannot redirect it) for the length of ONE synchronous chunk and switched back before any
// other JavaScript runs. Only for callers with no relative-path file operation in flight in the
// thread pool meanwhile (the CLI); everything else keeps full paths.
export interface CwdScope {
  /** Runs fn inside the directory and always comes back. */
  run<T>(fn: () => T): T;
  close(): void;
}

const DIR_FLAGS = fs.constants.O_RDONLY | fs.constants.O_DIRECTORY;
const via = (fd: number) => `/proc/self/fd/${fd}`;

// Opens the scope, or returns null when it cannot be used safely here (worker thread, no /proc,
// unreadable or deleted working directory): the caller then uses full paths.
export function enterDirScope(dir: string): CwdScope | null {
  let home: number | undefined;
  let inside: number | undefined;
  const close = () => {
    for (const fd of [home, inside]) if (fd !== undefined) fs.closeSync(fd);
    home = inside = undefined;
  };
  try {
    home = fs.openSync('.', DIR_FLAGS);
    inside = fs.openSync(dir, DIR_FLAGS);
    process.chdir(via(inside));
    process.chdir(via(home));
  } catch {
    close();
    return null;
  }
  const [h, i] = [home, inside];
  return {
    run(fn) {
      process.chdir(via(i));
      try {
        return fn();
      } finally {
        process.chdir(via(h));
      }
    },
    close,
  };
}
