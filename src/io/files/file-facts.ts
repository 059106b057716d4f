import fs from 'node:fs';
import type { FileFacts } from '../../core/incident/file-facts.js';
import type { SystemPaths } from '../../core/system-paths.js';
import type { AccountNames } from '../system/account-names.js';
import { createLabelTools, type LabelTools } from './xattr.js';

// The stat facts of a captured file or directory, from an lstat (never following a symlink).
export function fileFactsOf(hostPath: string, st: fs.Stats, paths: SystemPaths, names: AccountNames): FileFacts {
  return {
    systemPath: paths.toSystem(hostPath),
    hostPath,
    type: st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other',
    size: st.size,
    dev: st.dev,
    ino: st.ino,
    uid: st.uid,
    gid: st.gid,
    user: names.user(st.uid),
    group: names.group(st.gid),
    mode: st.mode & 0o7777,
    mtimeMs: st.mtimeMs,
  };
}

// The SELinux label (security.selinux) of a path as text, or null when it has none or it cannot be
// read (no getfattr): the label reader of io/files/xattr.ts, the one a purge compares, as one string.
export async function selinuxLabel(hostPath: string, labels: LabelTools = createLabelTools()): Promise<string | null> {
  const label = await labels.read(hostPath);
  return label.state === 'present' ? label.text.replace(/\0/g, '').trim() || null : null;
}
