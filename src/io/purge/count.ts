import fs from 'node:fs';
import type { WalkSkip } from '../../core/purge/walk-skip.js';
import { openDirNoFollow, walkTree, type OpenedDir, type WalkHooks } from '../walk/safe-walk.js';

// Counts what a purge would remove, walking exactly as the deletion does (same filesystem, no
// symlinks followed) so the plan's figures match what will happen; streaming, bounded memory.

// The plan's figures for a tree, and what the walk would not enter.
export interface TreeCount {
  /** Entries below the directory (files, symlinks, subdirectories, ...). */
  entries: number;
  /** Disk space they use (st_blocks * 512), or null when not counted. */
  bytes: number | null;
  /** Directories that would not be entered (other filesystem, unreadable), first few. */
  skipped: { name: Buffer; reason: WalkSkip }[];
  skippedCount: number;
  aborted: boolean;
}

// Abort, bytes or not, and progress for a count.
export interface CountOptions {
  signal?: AbortSignal;
  /** lstat every entry for its size (slower; the plan shows bytes). */
  withBytes?: boolean;
  onProgress?: (entries: number, bytes: number) => void;
  hooks?: WalkHooks;
}

// Counts entries (and bytes) below `dir`, which must still be the inode in `expect`.
export async function countTree(dir: string, expect: { dev: number; ino: number }, o: CountOptions = {}): Promise<TreeCount> {
  const res: TreeCount = { entries: 0, bytes: o.withBytes ? 0 : null, skipped: [], skippedCount: 0, aborted: false };
  const top = openDirNoFollow(dir, expect);
  if (!('fd' in top)) {
    res.skipped.push({ name: Buffer.from('.'), reason: top.reason });
    res.skippedCount++;
    return res;
  }
  let bytes = 0;
  const size = (p: Buffer) => {
    const st = fs.lstatSync(p, { throwIfNoEntry: false });
    return st ? st.blocks * 512 : 0;
  };
  try {
    await walkTree(
      top,
      {
        file(parent: OpenedDir, name: Buffer) {
          res.entries++;
          if (o.withBytes) bytes += size(Buffer.concat([parent.prefix, name]));
        },
        beforeClose() {},
        dirDone(parent: OpenedDir, name: Buffer) {
          res.entries++;
          if (o.withBytes) bytes += size(Buffer.concat([parent.prefix, name]));
        },
        skipped(rel: Buffer, reason: WalkSkip) {
          res.skippedCount++;
          if (res.skipped.length < 20) res.skipped.push({ name: rel, reason });
        },
        batchDone: () => o.onProgress?.(res.entries, bytes),
      },
      { signal: o.signal, hooks: o.hooks },
    );
  } catch (e) {
    if (!o.signal?.aborted) throw e;
    res.aborted = true;
  } finally {
    top.close();
  }
  if (res.bytes !== null) res.bytes = bytes;
  return res;
}
