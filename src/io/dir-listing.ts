import fs from 'node:fs';
import path from 'node:path';
import { LargestK, SmallestK } from '../core/top-k.js';
import { direntKind, streamDir, type EntryKind } from './dir-stream.js';

// One entry as the listing shows it: lstat facts (never following symlinks) or the error that hid them.
export interface ListedEntry {
  name: string;
  type: EntryKind;
  size: number | null;
  mtimeMs: number | null;
  error?: string;
}

export interface ScanOptions {
  signal?: AbortSignal;
  /** Called now and then with the number of entries read so far. */
  onProgress?: (entriesSeen: number) => void;
}

function describeLstat(dir: string, d: fs.Dirent): ListedEntry {
  const st = fs.lstatSync(path.join(dir, d.name), { throwIfNoEntry: false });
  if (!st) return { name: d.name, type: direntKind(d), size: null, mtimeMs: null, error: 'vanished while listing' };
  return { name: d.name, type: direntKind(d), size: st.size, mtimeMs: st.mtimeMs };
}

// Counts the entries of a directory without keeping names: streams readdir, like `ls -U | wc -l`.
export async function countEntries(dir: string, o: ScanOptions = {}): Promise<number> {
  let n = 0;
  for await (const batch of streamDir(dir, { signal: o.signal })) {
    n += batch.length;
    o.onProgress?.(n);
  }
  return n;
}

// The K oldest and K newest entries by mtime (and the total count) in O(K) memory: the first
// and last mail stuck in a flooded maildrop.
export async function oldestNewest(dir: string, k: number, o: ScanOptions = {}): Promise<{ oldest: ListedEntry[]; newest: ListedEntry[]; count: number }> {
  const oldest = new SmallestK<ListedEntry>(k);
  const newest = new LargestK<ListedEntry>(k);
  let n = 0;
  for await (const batch of streamDir(dir, { signal: o.signal })) {
    for (const d of batch) {
      const st = fs.lstatSync(path.join(dir, d.name), { throwIfNoEntry: false });
      if (!st) continue;
      const t = st.mtimeMs;
      if (oldest.wouldKeep(t) || newest.wouldKeep(t)) {
        const e: ListedEntry = { name: d.name, type: direntKind(d), size: st.size, mtimeMs: t };
        oldest.offer(t, e);
        newest.offer(t, e);
      }
    }
    n += batch.length;
    o.onProgress?.(n);
  }
  return { oldest: oldest.sorted(), newest: newest.sorted(), count: n };
}

// The first N entries in directory order with their lstat facts, and whether there are more.
export async function firstEntries(dir: string, limit: number, o: ScanOptions = {}): Promise<{ entries: ListedEntry[]; truncated: boolean }> {
  const entries: ListedEntry[] = [];
  const it = streamDir(dir, { signal: o.signal, batchSize: Math.min(1024, limit + 1) });
  let truncated = false;
  try {
    for await (const batch of it) {
      for (const d of batch) {
        if (entries.length === limit) {
          truncated = true;
          break;
        }
        entries.push(describeLstat(dir, d));
      }
      if (truncated) break;
    }
  } finally {
    await it.return(undefined);
  }
  return { entries, truncated };
}
