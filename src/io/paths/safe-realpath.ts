import fs from 'node:fs';

// The canonical path when it exists, else the path as given: the one "realpath or as given" (scans
// report canonical paths; a missing path is reported by the step that looks at it).
export function safeRealpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
