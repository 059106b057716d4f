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
  if (!f.isFile) return 'it exists and is not a regular file (a FIFO, a device, a socket or a directory)';
  if (f.uid !== callerUid) return `it exists and belongs to uid ${f.uid}, not to you (uid ${callerUid}): someone else may have planted it`;
  if ((f.mode & 0o077) !== 0) return `it exists with mode ${(f.mode & 0o7777).toString(8).padStart(4, '0')}: group or others may read or write it`;
  if (f.nlink !== 1) return `it has ${f.nlink} names (hard links): it may be another file in disguise`;
  return null;
}
