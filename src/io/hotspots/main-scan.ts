// The main thread's share of a CLI scan. A worker thread cannot chdir, so each of its lstats walks
// the whole path from the scan's start (50 components at the bottom of a depth-50 tree, or
// /proc/self/fd/N/name, which costs procfs lookups); the main thread of the CLI owns the working
// directory, so it reads small directories from inside them and lstats bare names, one path
// component like du's fstatat: measured 0.41-0.45 system CPU-s against 0.63-0.86 for the ways a
// worker can take, on 110,000 entries in 10,000 directories at depth 50.
import fs from 'node:fs';
import type { WirePath, WorkerBatch, WorkerSetup } from './protocol.js';
import { createDirScanner, type ScanSink } from './worker-scan.js';
import { createFastLstat } from './fast-lstat.js';

// What the main thread found since it was last asked, in a worker's batch shape.
function emptyBatch(): WorkerBatch {
  return {
    t: 'batch', idle: false, dirIds: [], fileBytes: [], entries: [], subParents: [], subPaths: [], subBytes: [], subSizes: [], subKept: [],
    linkDirs: [], linkInos: [], linkBytes: [], linkSizes: [], linkNames: [], skipped: [], errIds: [], errMsgs: [], fragIds: [], fragOffsets: [], fragLengths: [], path: '',
  };
}

// Scans directories given by absolute path on the main thread, moving the process's working
// directory into each (a child of the last one is entered by its bare name). Only for a process
// that does nothing else with relative paths meanwhile: the CLI, whose workers then get absolute
// paths. A directory it cannot enter, or that turns out not to be a directory of the scanned
// filesystem once entered (swapped for a symlink), is read by its path instead, as a worker would.
export function createMainThreadScanner(setup: WorkerSetup, offerLargest: ScanSink['offerLargest']) {
  const batch = emptyBatch();
  let taken = false;
  // the batch's arrays, emptied after each take (listed once: not an array of values per directory)
  const lists = Object.values(batch).filter((v): v is unknown[] => Array.isArray(v));
  const reset = () => {
    if (!taken) return;
    for (let i = 0; i < lists.length; i++) if (lists[i].length) lists[i].length = 0;
    batch.path = '';
    taken = false;
  };
  let here = '';
  const S_IFMT = 0o170000;
  const S_IFDIR = 0o040000;
  const lstat = createFastLstat(fs, '/');
  const scanner = createDirScanner(fs, { ...setup, workers: 1, keepChild: false }, { out: () => batch, due: () => false, post() {}, share() {}, offerLargest }, lstat);
  const enter = (dir: string): boolean => {
    const child = here !== '' && dir.length > here.length + 1 && dir.startsWith(here) && dir.charCodeAt(here.length) === 0x2f && dir.indexOf('/', here.length + 1) < 0;
    try {
      process.chdir(child ? dir.slice(here.length + 1) : dir);
    } catch {
      return false; // still where it was
    }
    here = dir;
    let st: ArrayLike<number> | undefined;
    try {
      st = lstat('.');
    } catch {
      st = undefined;
    }
    if (st !== undefined && st[0] === setup.rootDev && (st[1] & S_IFMT) === S_IFDIR) return true;
    here = '';
    return false;
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
    // The counts since the last call, valid until the next scan (the arrays are reused: one
    // batch per directory would be 20 arrays of garbage for every directory).
    take(): WorkerBatch {
      reset();
      taken = true;
      return batch;
    },
  };
}
