// The main thread's share of a CLI scan. A worker thread cannot chdir, so each of its lstats walks
// the whole path from the scan's start (50 components at the bottom of a depth-50 tree, or
// /proc/self/fd/N/name, which costs procfs lookups); the main thread of the CLI owns the working
// directory, so it reads small directories from inside them and lstats bare names, one path
// component like du's fstatat: measured 0.41-0.45 system CPU-s against 0.63-0.86 for the ways a
// worker can take, on 110,000 entries in 10,000 directories at depth 50. The scan process
// (scan-process.ts) reads its subtrees the same way, from this function's source text.
import fs from 'node:fs';
import type { WirePath, WorkerBatch, WorkerSetup } from './protocol.js';
import { createDirScanner, emptyBatch, type ScanSink } from './worker-scan.js';
import { createFastLstat } from './fast-lstat.js';

// Scans directories given by absolute path, moving the process's working directory into each (a
// child of the last one is entered by its bare name). Only for a process that does nothing else
// with relative paths meanwhile: the CLI, whose workers then get absolute paths, or the scan
// process. A directory it cannot enter is read by its path instead, as a worker would. Once in,
// nothing more is asked of the directory itself: chdir succeeded, so it is a directory, and each
// entry's own st_dev decides what counts, as everywhere in the scan; a directory swapped for a
// symlink to another filesystem after it was queued shows that filesystem's st_dev on every entry,
// which are then neither counted nor entered. (An lstat of "." after each chdir said the same at
// one more system call per directory: ~4-13 ms of the deep tree's 10,000 directories.)
// Self-contained (its helpers come as parameters): the scan process runs it from its source.
export function createInsideScanner(
  nodeFs: typeof import('node:fs'),
  setup: WorkerSetup,
  offerLargest: ScanSink['offerLargest'],
  dirScanner: typeof createDirScanner,
  fastLstat: typeof createFastLstat,
  fresh: typeof emptyBatch,
) {
  // What was found since the last take, in a worker's batch shape.
  const batch: WorkerBatch = fresh();
  let taken = false;
  // the batch's arrays, emptied after each take (listed once: not an array of values per directory)
  const lists = Object.values(batch).filter((v): v is unknown[] => Array.isArray(v));
  const reset = () => {
    if (!taken) return;
    for (let i = 0; i < lists.length; i++) if (lists[i].length) lists[i].length = 0;
    batch.path = '';
    batch.idle = false;
    taken = false;
  };
  let here = '';
  const lstat = fastLstat(nodeFs, '/');
  const scanner = dirScanner(nodeFs, { ...setup, workers: 1 }, { out: () => batch, due: () => false, post() {}, share() {}, offerLargest }, lstat);
  const enter = (dir: string): boolean => {
    const child = here !== '' && dir.length > here.length + 1 && dir.startsWith(here) && dir.charCodeAt(here.length) === 0x2f && dir.indexOf('/', here.length + 1) < 0;
    try {
      process.chdir(child ? dir.slice(here.length + 1) : dir);
    } catch {
      return false; // still where it was
    }
    here = dir;
    return true;
  };
  return {
    // Counts everything directly inside one directory.
    scanDir(id: number, dir: WirePath, size: number): void {
      reset();
      const inside = typeof dir === 'string' && enter(dir);
      scanner.scanDir(id, dir, size, inside);
      if (typeof dir === 'string') batch.path = dir;
    },
    // Counts a chunk of names a worker read from a huge directory.
    scanNames(id: number, dir: string, names: string): void {
      reset();
      scanner.scanNames(id, dir, names, enter(dir));
      batch.path = dir;
    },
    // The next subdirectory kept (setup.keepChild), to be scanned next.
    takeKept: scanner.takeKept,
    // How many directories and links wait in the batch (the scan process sends it when big).
    pending(): number {
      return batch.dirIds.length + batch.subPaths.length + batch.linkInos.length;
    },
    // The counts since the last call, valid until the next scan (the arrays are reused: one
    // batch per directory would be 20 arrays of garbage for every directory).
    take(): WorkerBatch {
      reset();
      taken = true;
      return batch;
    },
  };
}

// The main thread's inside scanner: it reads single directories (the scheduler queues what it finds).
export function createMainThreadScanner(setup: WorkerSetup, offerLargest: ScanSink['offerLargest']) {
  return createInsideScanner(fs, { ...setup, keepChild: false }, offerLargest, createDirScanner, createFastLstat, emptyBatch);
}
