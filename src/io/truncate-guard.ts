import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RefusedError } from '../core/cli-error.js';
import type { FileFacts } from '../core/incident-file-facts.js';
import { lateArrivalSection } from '../core/incident-late.js';
import { fsUsageOf } from './fs-usage.js';
import { checkIncidentUsable } from './incident-file.js';
import { appendIncidentSection, sealedSectionBytes } from './incident-sink.js';
import { lockSpool, type HeldLock, type LockOptions } from './spool-lock.js';
import { truncateInPlace, type TruncateResult } from './spool-truncate.js';

// The checks and the locked step every truncation goes through (CLI and walk alike): what is
// wrong is said before anything is changed (permission, read-only filesystem, no room for the
// record), and under the lock the spool is measured again so mail that arrived after the capture
// is appended to the incident file first, or the truncation is refused.

// Late bytes kept in the incident file at most; more means the capture is stale: capture again.
export const LATE_LIMIT = 32 << 20;
// Room kept free on the incident file's filesystem besides what is written (metadata, margin).
const MARGIN = 256 << 10;
// What truncate's own section takes at most, without late bytes.
const OWN_SECTION = 16 << 10;

// Refuses (exit 3) a spool this process cannot write: not root / not the owner, or a read-only
// filesystem; then locking and truncating cannot work, whatever holds the lock.
export function checkSpoolWritable(hostPath: string, shown: string): void {
  for (const [p, what] of [[hostPath, shown], [path.dirname(hostPath), `${path.dirname(shown)} (where the ${path.basename(shown)}.lock dotlock goes)`]] as const) {
    try {
      fs.accessSync(p, fs.constants.W_OK);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EROFS') throw new RefusedError(`spoolrescue truncate: ${what} is on a read-only filesystem; nothing was changed`, 'Remount it read-write (mount -o remount,rw MOUNTPOINT) if that is safe, then run again.');
      if (code === 'EACCES' || code === 'EPERM') throw new RefusedError(`spoolrescue truncate: no permission to write ${what}; truncating needs root (or the owner); nothing was changed`, 'Run it as root.');
      throw e;
    }
  }
}

// Worst case bytes the incident file must take: truncate's section, plus the late bytes escaped
// (\xNN: 4 bytes each at most).
export function neededIncidentBytes(lateBytes: number): number {
  return OWN_SECTION + 4 * Math.min(lateBytes, LATE_LIMIT);
}

// Refuses (exit 3) an incident file that cannot take `bytes` more: it fails the ownership rules,
// its directory is missing or not writable, or its filesystem lacks room (bytes, or an inode for
// a new file). Truncating first and failing to record it after is what this prevents.
export function checkIncidentRoom(file: string, bytes: number): void {
  try {
    checkIncidentUsable(file);
  } catch (e) {
    if (e instanceof RefusedError) throw new RefusedError(`spoolrescue truncate: ${e.message}`, e.hint);
    throw new RefusedError(`spoolrescue truncate: cannot write the incident file ${file}: ${(e as Error).message}; nothing was changed`);
  }
  const u = fsUsageOf(path.dirname(file));
  const exists = fs.existsSync(file);
  const avail = (process.geteuid?.() ?? 0) === 0 ? u.freeBytes : u.availBytes;
  if (u.readOnly) throw new RefusedError(`spoolrescue truncate: the incident file ${file} is on a read-only filesystem (${u.mount}); nothing was changed`);
  if (avail < bytes + MARGIN || (!exists && u.inodes > 0 && u.inodesFree < 1)) {
    throw new RefusedError(
      `spoolrescue truncate: ${u.mount} has ${avail} bytes free, the incident file ${file} needs up to ${bytes + MARGIN}; the truncation could not be recorded, so nothing was changed`,
      'Give an incident file on a filesystem with room (/dev/shm, /run, another disk).',
    );
  }
}

// How truncateGuarded handles mail that arrived after the capture.
export interface GuardOptions {
  hostPath: string;
  expect: { dev: number; ino: number };
  /** Spool size the capture recorded (null: no capture, --no-evidence). */
  capturedSize: number | null;
  incidentFile?: string;
  file: FileFacts;
  /** The operator accepts that late mail is destroyed uncaptured (--accept-loss). */
  acceptLoss: boolean;
  lock: LockOptions;
}

// What happened to the late mail, for the report.
export interface LateOutcome {
  bytes: number;
  /** kept: appended to the incident file; lost: accepted loss; none: nothing arrived. */
  fate: 'kept' | 'lost' | 'none';
}

// Takes the lock, re-measures the spool under it, keeps what arrived since the capture in the
// incident file (or refuses: exit 3, nothing changed), truncates in place, releases the lock.
export async function truncateGuarded(o: GuardOptions): Promise<{ result: TruncateResult; lock: HeldLock; late: LateOutcome }> {
  const lock = await lockSpool(o.hostPath, o.lock);
  try {
    const late = o.capturedSize === null ? { bytes: 0, fate: 'none' as const } : keepLateMail(o, o.capturedSize);
    const result = truncateInPlace(o.hostPath, o.expect);
    return { result, lock, late };
  } finally {
    await lock.release();
  }
}

function keepLateMail(o: GuardOptions, capturedSize: number): LateOutcome {
  const fd = fs.openSync(o.hostPath, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  try {
    const st = fs.fstatSync(fd);
    const shown = o.file.systemPath;
    if (st.size < capturedSize) {
      if (o.acceptLoss) return { bytes: 0, fate: 'lost' };
      throw new RefusedError(`spoolrescue truncate: ${shown} shrank from ${capturedSize} to ${st.size} bytes since the capture (rewritten by a mail client?); what is in it now was never captured; nothing was changed`, 'Capture it again, then truncate; or add --accept-loss knowingly.');
    }
    const n = st.size - capturedSize;
    if (n === 0) return { bytes: 0, fate: 'none' };
    const why = (reason: string) =>
      new RefusedError(`spoolrescue truncate: ${n} bytes reached ${shown} after the capture and ${reason}; nothing was changed`, 'Capture it again, then truncate; or add --accept-loss to destroy that mail knowingly.');
    if (!o.incidentFile) {
      if (o.acceptLoss) return { bytes: n, fate: 'lost' };
      throw why('there is no incident file to keep them in');
    }
    if (n > LATE_LIMIT) {
      if (o.acceptLoss) return { bytes: n, fate: 'lost' };
      throw why(`that is more than the ${LATE_LIMIT >> 20} MiB kept under the lock`);
    }
    const bytes = Buffer.alloc(n);
    let got = 0;
    while (got < n) {
      const r = fs.readSync(fd, bytes, got, n - got, capturedSize + got);
      if (r === 0) break;
      got += r;
    }
    const markdown = lateArrivalSection({ file: o.file, fromOffset: capturedSize, bytes: bytes.subarray(0, got) }, { host: os.hostname(), time: new Date() });
    try {
      checkIncidentRoom(o.incidentFile, sealedSectionBytes(markdown) + OWN_SECTION);
    } catch (e) {
      if (o.acceptLoss) return { bytes: n, fate: 'lost' };
      throw why(`the incident file cannot take them: ${(e as Error).message.replace(/^spoolrescue truncate: /, '')}`);
    }
    const w = appendIncidentSection(o.incidentFile, markdown);
    if (!w.ok) {
      if (o.acceptLoss) return { bytes: n, fate: 'lost' };
      throw why(`writing them to the incident file failed: ${w.message}`);
    }
    return { bytes: got, fate: 'kept' };
  } finally {
    fs.closeSync(fd);
  }
}
