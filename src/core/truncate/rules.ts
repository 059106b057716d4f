import { refuse, type Refused } from '../refusal.js';
import { truncationText } from './messages.js';

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
  const said = truncationText();
  if (code === 'EROFS') return refuse('read-only', said.readOnly(what), said.remount);
  if (code === 'EACCES' || code === 'EPERM') return refuse('needs-root', said.needsRoot(what), said.runAsRoot);
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
  const said = truncationText();
  if (f.readOnly) return refuse('incident-read-only', said.incidentReadOnly(f.file, f.mount));
  if (f.availBytes < bytes + INCIDENT_MARGIN || (!f.exists && f.inodes > 0 && f.inodesFree < 1)) {
    return refuse(
      'incident-no-room',
      said.incidentNoRoom(f.mount, String(f.availBytes), f.file, String(bytes + INCIDENT_MARGIN)),
      said.incidentRoomHint,
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
    return refuse('spool-shrank', truncationText().spoolShrank(f.shown, String(f.capturedSize), String(f.size)), truncationText().captureAgain);
  }
  const n = f.size - f.capturedSize;
  if (n === 0) return { fate: 'none', bytes: 0 };
  if (!f.hasIncidentFile) return f.acceptLoss ? { fate: 'lost', bytes: n } : lateRefusal(f.shown, n, truncationText().noIncidentToKeep);
  if (n > LATE_LIMIT) return f.acceptLoss ? { fate: 'lost', bytes: n } : lateRefusal(f.shown, n, truncationText().moreThanKept(String(LATE_LIMIT >> 20)));
  return { fate: 'keep', bytes: n };
}

// Refuses because `n` late bytes cannot be kept (`reason`, in the run's language, says why); nothing was changed.
export function lateRefusal(shown: string, n: number, reason: string): Refused {
  return refuse('late-mail', truncationText().lateMail(String(n), shown, reason), truncationText().lateMailHint);
}
