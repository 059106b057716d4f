// Scans and removals that work by bare names move the process's working directory and must always
// come back, also when the old directory was deleted meanwhile.

// Makes dir the working directory; returns the previous one, or undefined when that failed (no
// search permission, or not allowed in a worker thread): a scan then uses absolute paths.
export function moveTo(dir: string): string | undefined {
  const before = process.cwd();
  try {
    process.chdir(dir);
    return before;
  } catch {
    return undefined;
  }
}

// Returns to a working directory left earlier (moveTo's answer), or to / when it is gone.
export function moveBack(dir: string): void {
  try {
    process.chdir(dir);
  } catch {
    process.chdir('/'); // the old directory is gone: anywhere that exists
  }
}
