import fs from 'node:fs';
import path from 'node:path';
import { RefusedError } from '../../core/cli-error.js';
import { incidentFileRefusal } from '../../core/incident/file-rules.js';
import { incidentIoText } from './messages.js';

// Opening the incident file, the one way every step does it: never through a symlink (O_NOFOLLOW),
// never blocking on a FIFO (O_NONBLOCK, then fstat must say "regular file"), a new file created
// exclusively (O_EXCL, 0600) so nothing planted in between is used, an existing one only when
// incidentFileRefusal accepts it.

const { O_WRONLY, O_RDONLY, O_APPEND, O_CREAT, O_EXCL, O_NOFOLLOW, O_NONBLOCK } = fs.constants;

// An incident file that must not be used; nothing was written to it (exit 3).
export class IncidentFileRefused extends RefusedError {
  readonly code = 'EREFUSED';
  constructor(file: string, why: string) {
    super(incidentIoText().fileRefused(file, why), incidentIoText().fileRefusedHint);
    this.name = 'IncidentFileRefused';
  }
}

const uid = () => process.geteuid?.() ?? 0;

function checkOpened(fd: number, file: string): void {
  const st = fs.fstatSync(fd);
  const why = incidentFileRefusal({ isFile: st.isFile(), uid: st.uid, mode: st.mode, nlink: st.nlink }, uid());
  if (why) {
    fs.closeSync(fd);
    throw new IncidentFileRefused(file, why);
  }
}

function openExisting(file: string, flags: number): number {
  try {
    return fs.openSync(file, flags | O_NOFOLLOW | O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new IncidentFileRefused(file, incidentIoText().isSymlink);
    // a FIFO without a reader answers ENXIO to a non-blocking open for writing
    if (code === 'ENXIO') throw new IncidentFileRefused(file, incidentIoText().isFifo);
    throw e;
  }
}

// Opens the incident file for appending: an existing one is checked, a missing one is created
// exclusively (0600). Throws IncidentFileRefused, or the errno error (ENOENT dir, EACCES, EROFS).
export function openIncidentForAppend(file: string): number {
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openExisting(file, O_WRONLY | O_APPEND);
      checkOpened(fd, file);
      return fd;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || attempt > 3) throw e;
    }
    try {
      return fs.openSync(file, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600);
    } catch (e) {
      // someone created it between the two opens: look at what is there now
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

// Opens the incident file for reading its records; null when it does not exist. A file that fails
// the ownership rules is refused: its records could be anybody's.
export function openIncidentForRead(file: string): number | null {
  let fd: number;
  try {
    fd = openExisting(file, O_RDONLY);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  checkOpened(fd, file);
  return fd;
}

// Checks, before anything is changed, that the incident file can be used: an existing one passes
// the rules (opened and closed, nothing written); for a new one its directory must exist and be
// writable (unless dirCheck is false: the caller judges the destination itself). Throws
// IncidentFileRefused or a plain Error with the reason.
export function checkIncidentUsable(file: string, dirCheck = true): void {
  let fd: number | null = null;
  try {
    fd = openExisting(file, O_WRONLY | O_APPEND);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err instanceof IncidentFileRefused || (dirCheck && err.code !== 'ENOENT')) throw err;
    if (err.code !== 'ENOENT') return;
  }
  if (fd !== null) {
    checkOpened(fd, file);
    fs.closeSync(fd);
    return;
  }
  if (!dirCheck) return;
  const dir = path.dirname(file);
  const st = fs.statSync(dir, { throwIfNoEntry: false });
  if (!st?.isDirectory()) throw Object.assign(new Error(incidentIoText().noDirectory(dir)), { code: 'ENOENT' });
  fs.accessSync(dir, fs.constants.W_OK);
}
