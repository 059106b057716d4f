import fs from 'node:fs';
import { RefusedError } from '../core/cli-error.js';

// Whether the caller can do a purge at all, told before anything is counted or changed: a
// read-only filesystem, a directory the caller cannot list and unlink in (not root), say so and
// exit 3 instead of a plan of "0 entries" and an EACCES half-way.

// Refuses (RefusedError, exit 3) when DIR cannot be emptied by this process: read-only
// filesystem (mount flags or EROFS), or no read/write/search permission on DIR.
export function checkPurgeAccess(dir: string, shownDir: string, mount: { mount: string; readOnly: boolean }, euid: number = process.geteuid?.() ?? 0): void {
  const refuse = (why: string, hint: string): never => {
    throw new RefusedError(`spoolrescue purge: refused: ${shownDir} ${why}; nothing was changed`, hint);
  };
  const readOnly = () =>
    refuse(`is on a read-only filesystem (${mount.mount}): nothing can be deleted there`, `Remount it read-write first (mount -o remount,rw ${mount.mount}) if the filesystem is healthy.`);
  if (mount.readOnly) readOnly();
  let code: string | undefined;
  try {
    fs.accessSync(dir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
  } catch (e) {
    code = (e as NodeJS.ErrnoException).code ?? 'error';
  }
  if (code === undefined) return;
  if (code === 'EROFS') readOnly();
  const st = fs.lstatSync(dir);
  if (euid !== 0 && st.uid !== euid) {
    refuse(`needs root: it belongs to uid ${st.uid} and this is uid ${euid}, who cannot list and remove what is inside`, 'Run the purge as root.');
  }
  refuse(`cannot be emptied by uid ${euid}: permission denied (${code}) to list or remove its entries`, euid === 0 ? 'Check for an LSM (SELinux/AppArmor) denial.' : 'Run the purge as root.');
}
