import fs from 'node:fs';
import { openDirNoFollow, walkTree, type OpenedDir, type WalkHooks } from './safe-walk.js';
import type { WalkSkip } from '../../core/purge/walk-skip.js';
import type { WalkStop } from '../../core/purge/walk-stop.js';
import { deletedDirOf } from './dir-life.js';

// Deletes everything below a directory, streaming: names are read in batches and unlinked with a
// bounded number of asynchronous unlink() calls in flight (libuv's threadpool overlaps the
// filesystem's waits, about twice as fast as one synchronous unlink after the other).

// Running totals of a deletion, reported after each batch.
interface UnlinkStats {
  /** Entries removed (files, symlinks, sockets, subdirectories). */
  removed: number;
  /** Disk space they used (st_blocks * 512), as du counts it. */
  bytes: number;
  /** Entries that could not be removed. */
  errors: number;
  /** Directories not entered (other filesystem, changed mid-run), left as they are. */
  skipped: number;
}

// A name that could not be removed or was not entered, with why (kept for the first few only).
type UnlinkProblem = { name: Buffer } & ({ code?: string; message: string } | { skip: WalkSkip });

// How a deletion ended: totals, why it stopped early, and the first few problems.
export interface UnlinkResult extends UnlinkStats {
  aborted: boolean;
  /** Set when the walk stopped early for another reason than an abort (e.g. the filesystem went read-only). */
  stoppedBecause?: WalkStop;
  problems: UnlinkProblem[];
  /** The top directory itself was removed (removeTop). */
  topRemoved: boolean;
}

// Abort, concurrency, progress and per-entry callbacks for a deletion.
export interface UnlinkOptions {
  signal?: AbortSignal;
  /** Unlinks in flight (default 64). */
  concurrency?: number;
  /** Every removed entry, as a path relative to the top directory, with the bytes it used. */
  onRemoved?: (rel: Buffer, bytes: number) => void;
  /** After each batch of names, with the running totals. */
  onProgress?: (s: UnlinkStats) => void;
  /** Also rmdir the top directory at the end (a set-aside copy). */
  removeTop?: boolean;
  /** lstat each entry to count the bytes it frees (default true). */
  countBytes?: boolean;
  hooks?: WalkHooks;
  /** Give up after this many errors in a row (default 1000): the filesystem went read-only or worse. */
  maxConsecutiveErrors?: number;
}

const MAX_PROBLEMS = 20;

// Why reading stopped the walk: the directory was deleted under it, or the read failed.
function readStop(e: unknown): WalkStop {
  const dir = deletedDirOf(e);
  return dir === undefined ? { code: 'read-failed', why: (e as Error).message } : { code: 'dir-deleted', dir };
}

class GiveUp extends Error {
  constructor(readonly stop: WalkStop) {
    super(stop.code);
  }
}

// Empties `dir` (and removes it with removeTop), which must still be the inode in `expect`; never
// follows a symlink, never enters another filesystem. Abort stops promptly: in-flight unlinks
// finish, nothing new starts, and the result says aborted.
export async function unlinkTree(dir: string, expect: { dev: number; ino: number }, o: UnlinkOptions = {}): Promise<UnlinkResult> {
  const top = openDirNoFollow(dir, expect);
  const res: UnlinkResult = { removed: 0, bytes: 0, errors: 0, skipped: 0, aborted: false, problems: [], topRemoved: false };
  if (!('fd' in top)) {
    res.errors++;
    res.problems.push({ name: Buffer.from(dir), skip: top.reason });
    return res;
  }
  const limit = Math.max(1, o.concurrency ?? 64);
  const countBytes = o.countBytes !== false;
  const maxRun = o.maxConsecutiveErrors ?? 1000;
  let inFlight = 0;
  let errorRun = 0;
  let lastError: { name: Buffer; code?: string; message: string } | undefined;
  let wake: (() => void) | null = null;
  const problem = (p: UnlinkProblem) => {
    if (res.problems.length < MAX_PROBLEMS) res.problems.push(p);
  };
  const failed = (rel: Buffer, e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return; // vanished meanwhile: nothing to remove
    res.errors++;
    errorRun++;
    lastError = { name: rel, code: e.code, message: e.message };
    problem(lastError);
  };
  const settle = () => {
    inFlight--;
    if (wake) {
      const w = wake;
      wake = null;
      w();
    }
  };
  const waitBelow = async (n: number) => {
    while (inFlight > n) await new Promise<void>((r) => (wake = r));
  };
  const removeOne = (full: Buffer, rel: Buffer) => {
    inFlight++;
    const unlink = (bytes: number) =>
      fs.unlink(full, (err) => {
        if (err) failed(rel, err);
        else {
          errorRun = 0;
          res.removed++;
          res.bytes += bytes;
          o.onRemoved?.(rel, bytes);
        }
        settle();
      });
    if (!countBytes) unlink(0);
    else fs.lstat(full, (err, st) => unlink(err ? 0 : st.blocks * 512));
  };
  const check = () => {
    o.signal?.throwIfAborted();
    if (errorRun >= maxRun) throw new GiveUp({ code: 'failed-in-a-row', count: errorRun, last: lastError?.message });
  };
  try {
    await walkTree(
      top,
      {
        async file(parent: OpenedDir, name: Buffer, rel: Buffer) {
          check();
          if (inFlight >= limit) await waitBelow(limit - 1);
          removeOne(Buffer.concat([parent.prefix, name]), rel);
        },
        beforeClose: () => waitBelow(0),
        dirDone(parent: OpenedDir, name: Buffer, rel: Buffer) {
          check();
          const full = Buffer.concat([parent.prefix, name]);
          try {
            const bytes = countBytes ? (fs.lstatSync(full, { throwIfNoEntry: false })?.blocks ?? 0) * 512 : 0;
            fs.rmdirSync(full);
            errorRun = 0;
            res.removed++;
            res.bytes += bytes;
            o.onRemoved?.(rel, bytes);
          } catch (e) {
            failed(rel, e as NodeJS.ErrnoException);
          }
        },
        skipped(rel: Buffer, reason: WalkSkip) {
          res.skipped++;
          problem({ name: rel, skip: reason });
        },
        batchDone: () => o.onProgress?.(res),
      },
      { signal: o.signal, hooks: o.hooks },
    );
  } catch (e) {
    if (o.signal?.aborted) res.aborted = true;
    else res.stoppedBecause = e instanceof GiveUp ? e.stop : readStop(e);
  } finally {
    await waitBelow(0);
    top.close();
  }
  o.onProgress?.(res);
  if (o.removeTop && !res.aborted && !res.stoppedBecause && res.errors === 0 && res.skipped === 0) {
    try {
      fs.rmdirSync(dir);
      res.topRemoved = true;
    } catch (e) {
      failed(Buffer.from('.'), e as NodeJS.ErrnoException);
    }
  }
  return res;
}
