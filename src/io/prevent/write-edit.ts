import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { backupName } from '../../core/prevent/backup-place.js';
import type { PlannedEdit } from '../../core/prevent/fix-plan.js';
import type { SystemPaths } from '../../core/system-paths.js';
import type { LabelTools } from '../files/xattr.js';
import type { EditError } from '../../core/prevent/apply-facts.js';
import { attrReasonText, type AttrReason } from '../../core/purge/attr-reason.js';

// The SELinux label could not be copied onto the new file (the write stops before the rename).
class LabelNotCopied extends Error {
  constructor(readonly why: AttrReason | undefined) {
    super(why && attrReasonText(why, 'en'));
  }
}

// Writes one planned edit: checks the file is still what the plan was made from, keeps a
// timestamped backup outside any directory read as configuration, then replaces the file
// atomically (temp file beside it, hidden by a leading dot so cron skips it, same owner and
// mode, fsync, rename). A failure before the rename leaves the original untouched.

// What happened to one file.
export interface EditResult {
  path: string;
  hostPath: string;
  /** System path of the backup; null when the file was created (nothing to back up). */
  backup: string | null;
  created: boolean;
  ok: boolean;
  error?: EditError;
}

// Writes the edit; backupDir is a host path. On an SELinux host the original's label is copied
// onto the new file (a crontab with the wrong label is ignored by crond).
export async function writeEdit(e: PlannedEdit, paths: SystemPaths, backupDir: string, at: Date, labels?: LabelTools): Promise<EditResult> {
  const hostPath = paths.arg(e.path);
  const base = { path: e.path, hostPath, backup: null as string | null, created: e.before === null };
  let st: fs.Stats | null = null;
  try {
    st = fs.lstatSync(hostPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return { ...base, ok: false, error: { code: 'failed', message: (err as Error).message } };
  }
  if (st?.isSymbolicLink()) return { ...base, ok: false, error: { code: 'symlink', path: e.path } };
  if (st && !st.isFile()) return { ...base, ok: false, error: { code: 'not-regular', path: e.path } };
  const raw = st ? fs.readFileSync(hostPath) : null;
  const current = raw ? raw.toString('utf8') : null;
  if (raw && !Buffer.from(current!, 'utf8').equals(raw)) return { ...base, ok: false, error: { code: 'not-utf8', path: e.path } };
  if (current !== e.before) return { ...base, ok: false, error: { code: 'changed-since-plan', path: e.path } };
  let backup: string | null = null;
  let tmp: string | null = null;
  try {
    if (current !== null && st) {
      fs.mkdirSync(backupDir, { recursive: true, mode: 0o700 });
      const b = path.join(backupDir, backupName(e.path, at));
      fs.writeFileSync(b, current, { flag: 'wx', mode: st.mode & 0o600 });
      const fd = fs.openSync(b, 'r');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      backup = paths.toSystem(b);
    }
    const dir = path.dirname(hostPath);
    if (!st) fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
    tmp = path.join(dir, `.${path.basename(hostPath)}.spoolrescue-${crypto.randomBytes(4).toString('hex')}`);
    const fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, 0o600);
    try {
      fs.writeSync(fd, e.after);
      if (st) fs.fchownSync(fd, st.uid, st.gid);
      fs.fchmodSync(fd, st ? st.mode & 0o7777 : 0o644);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (st && labels?.selinuxEnabled) {
      const label = await labels.read(hostPath);
      if (label.state === 'present') {
        const w = await labels.writeXattrs(tmp, [{ name: 'security.selinux', hex: label.hex }], []);
        if (!w.ok) throw new LabelNotCopied(w.failure);
      }
    }
    fs.renameSync(tmp, hostPath);
    tmp = null;
    const dfd = fs.openSync(dir, 'r');
    fs.fsyncSync(dfd);
    fs.closeSync(dfd);
    return { ...base, backup, ok: true };
  } catch (err) {
    if (tmp) fs.rmSync(tmp, { force: true });
    const error: EditError = err instanceof LabelNotCopied ? { code: 'label-not-copied', path: e.path, why: err.why } : { code: 'failed', message: `${e.path}: ${(err as Error).message}` };
    return { ...base, backup, ok: false, error };
  }
}
