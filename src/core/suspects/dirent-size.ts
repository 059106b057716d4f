import { suspectsTextInEnglish } from './messages.js';

// The words a model's `how` is said in.
type SuspectWords = ReturnType<typeof suspectsTextInEnglish>;

// How many entries a directory holds, from its own st_size alone (no readdir): what the "likely
// culprits" answer needs, in constant time whatever the directory's size.
//
// How: each filesystem grows a directory by a known amount per entry.
// - ext2/3/4: a directory is a chain of 4 KiB blocks of records of 8 bytes + the name rounded up
//   to 4; hashed (htree) leaves split half-full and fill ~70% on average. Postfix queue IDs are
//   10-12 characters (long IDs 15-17), so ~20 bytes per record, ~29 bytes of st_size per entry
//   (measured: 200,000 ten-character names made a 5.78 MB directory, 28.9 bytes each).
//   ext4 directories never shrink: the figure is the most the directory ever held. The first
//   4 KiB block is not counted (it holds up to ~140 entries: "about 0" means "a few").
// - tmpfs: exactly 20 bytes per entry (the kernel's BOGO_DIRENT_SIZE), plus 40 for . and ..
// - btrfs: st_size is twice the sum of the name lengths: ~22 bytes per 11-character name.
// - xfs: data blocks of 8-byte-aligned records (8 + 1 + name + 1 + 2 bytes), ~75% full: ~32.
// - anything else: ext4's figure, said so in the reason.

// Bytes of directory st_size per entry on one filesystem type, and whether that is measured
// (tmpfs: exact) or a typical figure.
export interface DirentModel {
  bytesPerEntry: number;
  /** Bytes of st_size not counted: an empty directory's (tmpfs), or the first block (ext4, xfs). */
  baseBytes: number;
  exact: boolean;
  /** The figure can only grow: st_size is the most the directory ever held, not what it holds now. */
  neverShrinks: boolean;
  /** One line saying where the figure comes from. */
  how: string;
}

// The model for one filesystem type (mountinfo's fstype), its `how` in the words given (English
// unless told: the words of `df --json`).
export function direntModel(fstype: string, t: SuspectWords = suspectsTextInEnglish()): DirentModel {
  const ext4: DirentModel = { bytesPerEntry: 29, baseBytes: 4096, exact: false, neverShrinks: true, how: t.ext4 };
  if (/^ext[234]$/.test(fstype)) return ext4;
  if (fstype === 'tmpfs' || fstype === 'shmem') return { bytesPerEntry: 20, baseBytes: 40, exact: true, neverShrinks: false, how: t.tmpfs };
  if (fstype === 'btrfs') return { bytesPerEntry: 22, baseBytes: 0, exact: false, neverShrinks: false, how: t.btrfs };
  if (fstype === 'xfs') return { bytesPerEntry: 32, baseBytes: 4096, exact: false, neverShrinks: true, how: t.xfs };
  return { ...ext4, how: t.other(fstype) };
}

// Entries a directory of st_size bytes holds (or held) on a filesystem type; never negative.
export function estimateEntries(stSize: number, fstype: string): number {
  const m = direntModel(fstype);
  return Math.max(0, Math.round((stSize - m.baseBytes) / m.bytesPerEntry));
}
