import { sectionText } from './section-messages.js';

// Who may own the incident file: root's evidence (mail text, names) must never be appended to a
// file another user planted in a shared directory (/dev/shm, /tmp), nor to a FIFO, a device or a
// second name of some other file.

// The facts of an existing incident file that decide whether it may be used (from fstat).
export interface IncidentFileFacts {
  isFile: boolean;
  uid: number;
  mode: number;
  nlink: number;
}

// Why an existing incident file must not be used, or null when it may: a regular file, owned by
// the caller, no access for group or others, one name only.
export function incidentFileRefusal(f: IncidentFileFacts, callerUid: number): string | null {
  const t = sectionText();
  if (!f.isFile) return t.notRegular;
  if (f.uid !== callerUid) return t.otherOwner(f.uid, callerUid);
  if ((f.mode & 0o077) !== 0) return t.openMode((f.mode & 0o7777).toString(8).padStart(4, '0'));
  if (f.nlink !== 1) return t.hardLinks(f.nlink);
  return null;
}
