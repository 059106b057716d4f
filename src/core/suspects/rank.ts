import type { SuspectCandidate, SuspectKind } from './candidates.js';
import { direntModel, estimateEntries } from './dirent-size.js';
import { fmtCount } from '../text/units.js';
import { suspectsText, suspectsTextInEnglish } from './messages.js';

// Turns lstat facts of the candidates into "likely culprits": big files by their allocated bytes,
// big directories by the entries their own size says they hold, biggest first.

// What one lstat said (a hashed queue: its subdirectories' facts added up).
export interface SuspectFacts {
  candidate: SuspectCandidate;
  isDir: boolean;
  /** st_size (a directory's: the bytes of its entries, see dirent-size.ts). */
  size: number;
  /** For a hashed queue: st_size of each subdirectory that exists (the queue's own is size). */
  partSizes?: number[];
  /** st_blocks * 512. */
  allocatedBytes: number;
  /** Filesystem of the path: mountinfo's "major:minor", mount point and type. */
  devId: string;
  mount: string;
  fstype: string;
}

// One likely culprit (JSON of `df --json`'s `suspects`).
export interface Suspect {
  /** As the rescued system sees it. */
  path: string;
  hostPath: string;
  kind: SuspectKind;
  label: string;
  /** Entries a directory holds (or held, on ext4/xfs), from its size; null for a file. */
  estimatedEntries: number | null;
  /** Allocated bytes of the file, or of the directory itself (its entries' files are not counted). */
  bytes: number;
  /** In English, as --json says it. */
  reason: string;
  /** The reason in the operator's language when that is not English (not in --json). */
  said?: string;
  devId: string;
  mount: string;
  fstype: string;
}

// What makes a place worth naming: a file of 10 MiB, a directory of 1,000 entries.
const SUSPECT_FILE_BYTES = 10 * 1024 * 1024;
const SUSPECT_DIR_ENTRIES = 1000;
// A queue file or mailbox takes at least one 4 KiB block: what a directory's entries weigh at least.
const MIN_FILE_BYTES = 4096;

// The suspects among the facts, heaviest first (a directory weighs at least one block per entry).
export function rankSuspects(facts: readonly SuspectFacts[], toSystem: (hostPath: string) => string, formatBytes: (n: number) => string): Suspect[] {
  const out: { s: Suspect; weight: number }[] = [];
  for (const f of facts) {
    const c = f.candidate;
    const t = suspectsText();
    const english = suspectsTextInEnglish();
    const inOwn = t !== english;
    const base = { path: toSystem(c.hostPath), hostPath: c.hostPath, kind: c.kind, label: c.label, bytes: f.allocatedBytes, devId: f.devId, mount: f.mount, fstype: f.fstype };
    if (f.isDir) {
      const parts = f.partSizes ?? [];
      const entries = [f.size, ...parts].reduce((n, size) => n + estimateEntries(size, f.fstype), 0);
      const dirBytes = [f.size, ...parts].reduce((n, size) => n + size, 0);
      if (entries < SUSPECT_DIR_ENTRIES) continue;
      const m = direntModel(f.fstype);
      const reason = english.dirReason(c.label, formatBytes(dirBytes), parts.length, m.neverShrinks, fmtCount(entries), m.how);
      const said = inOwn ? { said: t.dirReason(c.said ?? c.label, formatBytes(dirBytes), parts.length, m.neverShrinks, fmtCount(entries), direntModel(f.fstype, t).how) } : {};
      out.push({ s: { ...base, estimatedEntries: entries, reason, ...said }, weight: f.allocatedBytes + entries * MIN_FILE_BYTES });
    } else {
      if (f.allocatedBytes < SUSPECT_FILE_BYTES) continue;
      const said = inOwn ? { said: t.fileReason(c.said ?? c.label, formatBytes(f.allocatedBytes)) } : {};
      out.push({ s: { ...base, estimatedEntries: null, reason: english.fileReason(c.label, formatBytes(f.allocatedBytes)), ...said }, weight: f.allocatedBytes });
    }
  }
  out.sort((a, b) => b.weight - a.weight || a.s.hostPath.localeCompare(b.s.hostPath));
  return out.map((x) => x.s);
}

// The suspects on one filesystem (the Disks screen shows each filesystem's own).
export function suspectsOn(suspects: readonly Suspect[], devId: string): Suspect[] {
  return suspects.filter((s) => s.devId === devId);
}
