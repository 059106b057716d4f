import type { ListingEntry } from '../../core/listing/entry.js';
import { scanDirectory, type ScanOutcome } from './scan.js';

// One entry as the listing shows it: lstat facts (never following symlinks) or the error that hid them.
export type ListedEntry = ListingEntry;

// Abort and progress for oldestNewest (evidence and the TUI use it).
export interface ScanOptions {
  signal?: AbortSignal;
  /** Called now and then with the number of entries read so far. */
  onProgress?: (entriesSeen: number) => void;
  /** oldestNewest only: lstat by bare name, quicker; see DirScanOptions.statByName for when it is safe. */
  statByName?: boolean;
}

// oldestNewest promises a whole answer or an exception: a pass that stopped part-way
// (aborted, directory deleted, I/O error) throws what stopped it.
function whole(outcome: ScanOutcome): ScanOutcome {
  if (outcome.incomplete) throw outcome.incomplete.error ?? new Error(outcome.incomplete.message);
  return outcome;
}

// The K oldest and K newest entries by mtime (and the total count) in O(K) memory: the first
// and last mail stuck in a flooded maildrop. Names that are not UTF-8 carry nameBytes.
export async function oldestNewest(dir: string, k: number, o: ScanOptions = {}): Promise<{ oldest: ListedEntry[]; newest: ListedEntry[]; count: number }> {
  const r = whole(await scanDirectory(dir, { ...o, oldest: k, newest: k }));
  return { oldest: r.oldest, newest: r.newest, count: r.count };
}
