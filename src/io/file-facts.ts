import fs from 'node:fs';
import type { FileFacts } from '../core/incident-file-facts.js';
import type { SystemPaths } from '../core/system-paths.js';
import type { AccountNames } from './account-names.js';
import { findCommand } from './find-command.js';
import { runCommand } from './run-command.js';

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

// The SELinux label (security.selinux) of a path, or null when there is none or getfattr is absent.
export async function selinuxLabel(hostPath: string): Promise<string | null> {
  if (!findCommand('getfattr')) return null;
  const r = await runCommand('getfattr', ['--absolute-names', '--only-values', '-h', '-n', 'security.selinux', hostPath], { timeoutMs: 5000 });
  return r.ok ? r.stdout.replace(/\0/g, '').trim() || null : null;
}
