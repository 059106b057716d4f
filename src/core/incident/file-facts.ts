import { sectionText } from './section-messages.js';

// The stat of what was captured, as the report states it and as truncate later matches it
// (path plus device and inode: a spool recreated under the same name is not the same spool).
export interface FileFacts {
  /** Path as the operator knows it on the rescued system (inverse of --root mapping). */
  systemPath: string;
  /** Path on this machine (differs from systemPath under --root). */
  hostPath: string;
  type: 'file' | 'dir' | 'other';
  size: number;
  dev: number;
  ino: number;
  uid: number;
  gid: number;
  user: string | null;
  group: string | null;
  /** Permission bits including setuid/setgid/sticky. */
  mode: number;
  mtimeMs: number;
  /** SELinux label (security.selinux) when the file has one. */
  label?: string | null;
}

// "0600", "1730": the mode the way chmod takes it.
export function modeText(mode: number): string {
  return '0' + (mode & 0o7777).toString(8).padStart(3, '0');
}

// "root:mail (0:8)": names when the rescued system knows them, numbers always.
export function ownerText(f: Pick<FileFacts, 'uid' | 'gid' | 'user' | 'group'>): string {
  if (f.user === null && f.group === null) return `${f.uid}:${f.gid}`;
  return `${f.user ?? f.uid}:${f.group ?? f.gid} (${f.uid}:${f.gid})`;
}

// Where the captured thing came from, with the host path when --root maps it elsewhere.
export function sourceText(f: Pick<FileFacts, 'systemPath' | 'hostPath'>): string {
  return f.systemPath === f.hostPath ? f.systemPath : sectionText().onThisMachine(f.systemPath, f.hostPath);
}

// Header rows for a file's stat: what the report needs to show the spool was not swapped (a
// directory's size says nothing, so its rows leave it out).
export function fileFactRows(f: FileFacts, withSize = true): [string, string][] {
  const t = sectionText();
  const rows: [string, string][] = [
    ...(withSize ? [[t.size, t.bytes(f.size)] as [string, string]] : []),
    [t.inode, t.inodeOnDevice(f.ino, f.dev)],
    [t.owner, ownerText(f)],
    [t.mode, modeText(f.mode)],
    [t.mtime, new Date(f.mtimeMs).toISOString()],
  ];
  if (f.label) rows.push([t.label, f.label]);
  return rows;
}

// The fields of the machine-readable record that identify the captured file.
export function fileRecord(f: FileFacts): Record<string, unknown> {
  return { path: f.systemPath, hostPath: f.hostPath, dev: f.dev, ino: f.ino, size: f.size, uid: f.uid, gid: f.gid, mode: modeText(f.mode) };
}

// The same facts for --json: mode as text, mtime as ISO.
export function fileFactsJson(f: FileFacts): Record<string, unknown> {
  return { ...f, mode: modeText(f.mode), mtime: new Date(f.mtimeMs).toISOString(), mtimeMs: undefined };
}
