import type { ListingEntry } from '../../core/listing/entry.js';
import type { DirectoryPages, PageRead, PathLook } from '../../ops/listing.js';
import type { TaskOptions } from './common.js';

// Step 3's port, over the listing core (src/io/listing/listing.ts, src/io/listing/scan.ts).

// One entry as every listing sees it: lstat facts or the error that hid them (exact name bytes
// in nameBytes when the name is not UTF-8).
export type LsEntry = ListingEntry;

// One page of a directory in readdir order (the listing op's page: src/ops/listing.ts); the
// entries before an early stop (directory deleted, I/O error) are kept, `incomplete` says why.
export type ListingPage = PageRead;

// Forward-only reader over a huge directory: each page continues where the last one stopped.
export type DirectoryPager = DirectoryPages;

// lstat facts of the thing the operator picked (a directory or a spool file).
export type PathFacts = PathLook;

// One pass over a whole directory: the exact count and, when asked, the oldest and newest.
export interface DirScan {
  count: number;
  oldest: LsEntry[];
  newest: LsEntry[];
  /** Entries that could not be dated (vanished, permission denied). */
  undated: number;
  /** Why the pass stopped before the end (directory deleted, I/O error), with what it saw. */
  incomplete: string | null;
}

// Step 3: unsorted, streaming, capped listing; counting and oldest/newest on demand.
export interface LookInsidePort {
  stat(path: string): Promise<PathFacts>;
  /** Opens the directory at once (throws the reason in words when it cannot). */
  open(dirPath: string): DirectoryPager;
  /** Counts every entry; with k > 0 also keeps the k oldest and k newest by mtime. */
  scan(dirPath: string, k: number, opts: TaskOptions<number>): Promise<DirScan>;
}
