import { refuse, type Refused } from '../refusal.js';

// The rails of a truncation as pure decisions over facts: who may write the spool, whether the
// incident file can take the record, and what happens to mail that arrived after the capture
// (kept in the incident file, lost knowingly, or the truncation is refused).

// Late bytes kept in the incident file at most; more means the capture is stale: capture again.
/** @internal unit-tested on its own: test/core/purge/truncate-rules.test.ts */
export const LATE_LIMIT = 32 << 20;
// Room kept free on the incident file's filesystem besides what is written (metadata, margin).
/** @internal unit-tested on its own: test/core/purge/truncate-rules.test.ts */
export const INCIDENT_MARGIN = 256 << 10;
// What truncate's own section takes at most, without late bytes.
export const OWN_SECTION = 16 << 10;

// Worst case bytes the incident file must take: truncate's section, plus the late bytes escaped
// (\xNN: 4 bytes each at most).
export function neededIncidentBytes(lateBytes: number): number {
  return OWN_SECTION + 4 * Math.min(lateBytes, LATE_LIMIT);
}

// Refuses a spool (or its directory, where the dotlock goes) this process cannot write; `what`
// names it as the operator sees it. Null when writable or for an error the rails do not know.
export function spoolWriteRefusal(what: string, code: string | undefined): Refused | null {
  if (code === 'EROFS') return refuse('read-only', `${what} is on a read-only filesystem; nothing was changed`, 'Remount it read-write (mount -o remount,rw MOUNTPOINT) if that is safe, then run again.');
  if (code === 'EACCES' || code === 'EPERM') return refuse('needs-root', `no permission to write ${what}; truncating needs root (or the owner); nothing was changed`, 'Run it as root.');
  return null;
}

// The incident file's filesystem, as io/ measured it.
export interface IncidentRoomFacts {
  file: string;
  mount: string;
  readOnly: boolean;
  /** Bytes this process may use there (root: free, others: available). */
  availBytes: number;
  exists: boolean;
  inodes: number;
  inodesFree: number;
}

// Refuses an incident file whose filesystem cannot take `bytes` more (or a new inode): truncating
// first and failing to record it after is what this prevents.
export function incidentRoomRefusal(f: IncidentRoomFacts, bytes: number): Refused | null {
  if (f.readOnly) return refuse('incident-read-only', `the incident file ${f.file} is on a read-only filesystem (${f.mount}); nothing was changed`);
  if (f.availBytes < bytes + INCIDENT_MARGIN || (!f.exists && f.inodes > 0 && f.inodesFree < 1)) {
    return refuse(
      'incident-no-room',
      `${f.mount} has ${f.availBytes} bytes free, the incident file ${f.file} needs up to ${bytes + INCIDENT_MARGIN}; the truncation could not be recorded, so nothing was changed`,
      'Give an incident file on a filesystem with room (/dev/shm, /run, another disk).',
    );
  }
  return null;
}

// What to do with mail that reached the spool after its capture, measured under the lock.
export type LateDecision = { fate: 'none' | 'lost'; bytes: number } | { fate: 'keep'; bytes: number } | Refused;

// Decides the late mail's fate from the sizes: nothing arrived, keep it (append it to the incident
// file before truncating), lose it knowingly (--accept-loss), or refuse.
export function lateMailDecision(f: { shown: string; size: number; capturedSize: number; acceptLoss: boolean; hasIncidentFile: boolean }): LateDecision {
  if (f.size < f.capturedSize) {
    if (f.acceptLoss) return { fate: 'lost', bytes: 0 };
    return refuse('spool-shrank', `${f.shown} shrank from ${f.capturedSize} to ${f.size} bytes since the capture (rewritten by a mail client?); what is in it now was never captured; nothing was changed`, 'Capture it again, then truncate; or add --accept-loss knowingly.');
  }
  const n = f.size - f.capturedSize;
  if (n === 0) return { fate: 'none', bytes: 0 };
  if (!f.hasIncidentFile) return f.acceptLoss ? { fate: 'lost', bytes: n } : lateRefusal(f.shown, n, 'there is no incident file to keep them in');
  if (n > LATE_LIMIT) return f.acceptLoss ? { fate: 'lost', bytes: n } : lateRefusal(f.shown, n, `that is more than the ${LATE_LIMIT >> 20} MiB kept under the lock`);
  return { fate: 'keep', bytes: n };
}

// Refuses because `n` late bytes cannot be kept (`reason` says why); nothing was changed.
export function lateRefusal(shown: string, n: number, reason: string): Refused {
  return refuse('late-mail', `${n} bytes reached ${shown} after the capture and ${reason}; nothing was changed`, 'Capture it again, then truncate; or add --accept-loss to destroy that mail knowingly.');
}
