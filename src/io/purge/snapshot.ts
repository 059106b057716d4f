import fs from 'node:fs';
import path from 'node:path';
import type { DirSnapshot } from '../../core/purge/snapshot.js';
import type { LabelTools } from '../files/xattr.js';
import type { IdDirectory } from '../system/account-names.js';
import type { ApplyFailure } from '../../core/purge/swap-failure.js';

// Records a directory's owner, group, full mode, SELinux label, every extended attribute (ACLs
// included) and inode flags without following a symlink; the one reference a purge restores and
// compares against.
export async function takeSnapshot(dir: string, labels: LabelTools, ids?: IdDirectory): Promise<DirSnapshot> {
  const st = fs.lstatSync(dir);
  const xattrs = await labels.readXattrs(dir);
  const label = await labels.read(dir, xattrs);
  const flags = await labels.readFlags(dir);
  return {
    uid: st.uid,
    gid: st.gid,
    mode: st.mode & 0o7777,
    dev: st.dev,
    ino: st.ino,
    label,
    xattrs,
    flags,
    owner: ids?.users.byId.get(st.uid),
    group: ids?.groups.byId.get(st.gid),
  };
}

// Gives a directory the snapshot's owner, group, extended attributes, mode and inode flags, in
// that order: chown may clear setgid, and setting an ACL rewrites the group bits from its mask,
// so the exact mode comes after both; flags last (some forbid later changes). An attribute that
// was not read is not written: the caller must not rely on a new directory then.
export async function applySnapshot(dir: string, snap: DirSnapshot, labels: LabelTools): Promise<{ ok: boolean; failures: ApplyFailure[] }> {
  const failures: ApplyFailure[] = [];
  const step = (what: 'open' | 'chown' | 'chmod', f: () => void) => {
    try {
      f();
    } catch (e) {
      failures.push({ code: 'step-failed', step: what, name: path.basename(dir), why: (e as Error).message });
    }
  };
  let fd: number | undefined;
  step('open', () => (fd = fs.openSync(dir, fs.constants.O_RDONLY | fs.constants.O_DIRECTORY | fs.constants.O_NOFOLLOW)));
  if (fd === undefined) return { ok: false, failures };
  try {
    step('chown', () => fs.fchownSync(fd!, snap.uid, snap.gid));
    if (snap.xattrs.state === 'read') {
      const now = await labels.readXattrs(dir);
      if (now.state !== 'read' && snap.xattrs.entries.length) failures.push({ code: 'xattrs-unreadable', name: path.basename(dir) });
      else {
        const r = await labels.writeXattrs(dir, snap.xattrs.entries, now.state === 'read' ? now.entries : []);
        if (!r.ok) failures.push({ code: 'xattrs-not-copied', why: r.failure });
      }
    }
    step('chmod', () => fs.fchmodSync(fd!, snap.mode));
  } finally {
    fs.closeSync(fd);
  }
  if (snap.flags.state === 'read') {
    const now = await labels.readFlags(dir);
    const r = await labels.writeFlags(dir, snap.flags.flags, now.state === 'read' ? now.flags : '');
    if (!r.ok) failures.push({ code: 'flags-not-copied', why: r.failure });
  }
  return { ok: failures.length === 0, failures };
}
