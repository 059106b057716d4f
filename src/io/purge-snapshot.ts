import fs from 'node:fs';
import path from 'node:path';
import { parseIdFile, type IdNames } from '../core/purge-owner-names.js';
import type { DirSnapshot } from '../core/purge-snapshot.js';
import type { SystemPaths } from '../core/system-paths.js';
import type { LabelTools } from './xattr.js';

// Users and groups of the system being rescued (its /etc/passwd and /etc/group, under --root).
export interface IdDirectory {
  users: IdNames;
  groups: IdNames;
}

const readIds = (file: string): IdNames => {
  try {
    return parseIdFile(fs.readFileSync(file, 'utf8'));
  } catch {
    return { byId: new Map(), byName: new Map() };
  }
};

// Loads the rescued system's user and group names; missing files give empty maps (ids shown as numbers).
export function loadIdDirectory(paths: SystemPaths): IdDirectory {
  return { users: readIds(paths.sys('/etc/passwd')), groups: readIds(paths.sys('/etc/group')) };
}

// Records a directory's owner, group, full mode and SELinux label without following a symlink;
// the one reference a purge restores and compares against.
export async function takeSnapshot(dir: string, labels: LabelTools, ids?: IdDirectory): Promise<DirSnapshot> {
  const st = fs.lstatSync(dir);
  const label = await labels.read(dir);
  return {
    uid: st.uid,
    gid: st.gid,
    mode: st.mode & 0o7777,
    dev: st.dev,
    ino: st.ino,
    label,
    owner: ids?.users.byId.get(st.uid),
    group: ids?.groups.byId.get(st.gid),
  };
}

// Gives a directory the snapshot's owner, group, mode and label (chown first: it may clear setgid).
// `reference` is a directory that already carries the label (for chcon --reference).
export async function applySnapshot(dir: string, snap: DirSnapshot, labels: LabelTools, reference?: string): Promise<{ ok: boolean; failures: string[] }> {
  const failures: string[] = [];
  const step = (what: string, f: () => void) => {
    try {
      f();
    } catch (e) {
      failures.push(`${what} ${path.basename(dir)}: ${(e as Error).message}`);
    }
  };
  let fd: number | undefined;
  step('open', () => (fd = fs.openSync(dir, fs.constants.O_RDONLY | fs.constants.O_DIRECTORY | fs.constants.O_NOFOLLOW)));
  if (fd === undefined) return { ok: false, failures };
  step('chown', () => fs.fchownSync(fd!, snap.uid, snap.gid));
  step('chmod', () => fs.fchmodSync(fd!, snap.mode));
  fs.closeSync(fd);
  if (snap.label.state === 'present') {
    const r = await labels.write(dir, snap.label, reference);
    if (!r.ok) failures.push(`copying the SELinux label: ${r.failure}`);
  }
  return { ok: failures.length === 0, failures };
}
