import type { SuspectCandidate, SuspectKind } from './candidates.js';
import { estimateEntries } from './dirent-size.js';
import { suspectsTextInEnglish } from './messages.js';
import { suspectWords, type SuspectName } from './words.js';

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
  /** What it is called (words made when shown: suspectWords). */
  name: SuspectName;
  /** The name in English, as --json says it. */
  label: string;
  /** Entries a directory holds (or held, on ext4/xfs), from its size; null for a file. */
  estimatedEntries: number | null;
  /** Allocated bytes of the file, or of the directory itself (its entries' files are not counted). */
  bytes: number;
  /** A directory's own st_size (its hashed subdirectories' added): what the entries are estimated from. */
  dirBytes?: number;
  /** How many hashed subdirectories were added in. */
  hashedParts?: number;
  /** Why it is named, in English, as --json says it (suspectWords). */
  reason: string;
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
  const english = suspectsTextInEnglish();
  for (const f of facts) {
    const c = f.candidate;
    const base = { path: toSystem(c.hostPath), hostPath: c.hostPath, kind: c.kind, name: c.name, label: c.label, bytes: f.allocatedBytes, devId: f.devId, mount: f.mount, fstype: f.fstype };
    if (f.isDir) {
      const parts = f.partSizes ?? [];
      const entries = [f.size, ...parts].reduce((n, size) => n + estimateEntries(size, f.fstype), 0);
      if (entries < SUSPECT_DIR_ENTRIES) continue;
      const s = { ...base, estimatedEntries: entries, dirBytes: [f.size, ...parts].reduce((n, size) => n + size, 0), hashedParts: parts.length };
      out.push({ s: { ...s, reason: suspectWords(s, english, formatBytes) }, weight: f.allocatedBytes + entries * MIN_FILE_BYTES });
    } else {
      if (f.allocatedBytes < SUSPECT_FILE_BYTES) continue;
      const s = { ...base, estimatedEntries: null };
      out.push({ s: { ...s, reason: suspectWords(s, english, formatBytes) }, weight: f.allocatedBytes });
    }
  }
  out.sort((a, b) => b.weight - a.weight || a.s.hostPath.localeCompare(b.s.hostPath));
  return out.map((x) => x.s);
}

// The suspects on one filesystem (the Disks screen shows each filesystem's own).
export function suspectsOn(suspects: readonly Suspect[], devId: string): Suspect[] {
  return suspects.filter((s) => s.devId === devId);
}
