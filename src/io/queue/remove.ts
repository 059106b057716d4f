import fs from 'node:fs';
import path from 'node:path';
import type { SelectedMessage } from '../../core/queue/message.js';
import { queueFilePath } from '../../core/queue/queue-id.js';
import type { HashLayout } from './defer-reasons.js';
import { queueDirCursor, type QueueDirCursor } from './queue-dir-cursor.js';

// Removes queue files the way postsuper does, for a Postfix that is stopped (or not installed):
// the file itself, then its defer, bounce and trace logs, so no orphan log is left behind. Each is
// unlinked by its bare name from inside its directory, entered and verified by queue-dir-cursor.ts,
// so a hash directory swapped for a symlink after the check cannot redirect an unlink elsewhere.

// What the removal did, with the first errors by path.
export interface RemoveResult {
  removed: number;
  bytesFreed: number;
  logsRemoved: number;
  /** Already gone when their turn came. */
  missing: number;
  errors: { path: string; error: string }[];
  errorCount: number;
  aborted: boolean;
}

// What a caller may watch (tests swap a directory at the worst moment through it).
export interface RemoveOptions {
  /** Told each directory (below the queue directory) once entered and verified, before the unlinks there. */
  entered?: (rel: string) => void;
}

const LOGS = ['defer', 'bounce', 'trace'] as const;
/** Files removed between two looks at the event loop (progress, Ctrl-C). */
const BATCH = 512;

// True when a log directory holds anything (an empty or missing bounce/ or trace/ needs no
// unlink attempt per message: the common case, and a third of the work when deleting many).
function hasEntries(dir: string): boolean {
  let d: fs.Dir | undefined;
  try {
    d = fs.opendirSync(dir);
    return d.readSync() !== null;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ENOENT';
  } finally {
    d?.closeSync();
  }
}

function failed(r: RemoveResult, shown: string, code: string): void {
  r.errorCount++;
  if (r.errors.length < 20) r.errors.push({ path: shown, error: code });
}

// Unlinks a name in the working directory; an error other than "already gone" is kept under the full path.
function unlinkCounted(name: string, shown: string, r: RemoveResult): boolean {
  try {
    fs.unlinkSync(name);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    if (code !== 'ENOENT') failed(r, shown, code);
    return false;
  }
}

const dirOf = (rel: string) => rel.slice(0, rel.lastIndexOf('/'));
const nameOf = (rel: string) => rel.slice(rel.lastIndexOf('/') + 1);

// The selection's indices by directory, directories in the order they first appear.
function byDirectory(rels: Iterable<string>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  let i = 0;
  for (const rel of rels) {
    const dir = dirOf(rel);
    const members = out.get(dir);
    if (members) members.push(i);
    else out.set(dir, [i]);
    i++;
  }
  return out;
}

interface Removal {
  base: string;
  selected: readonly SelectedMessage[];
  hash: HashLayout;
  logs: readonly string[];
  cursor: QueueDirCursor;
  r: RemoveResult;
}

// Removes some files of one directory, then their logs.
function removeBatch(x: Removal, dir: string, batch: readonly number[]): void {
  const { base, selected, r } = x;
  const why = x.cursor.enter(dir);
  for (const i of batch) {
    const s = selected[i];
    const name = nameOf(s.rel);
    if (why === 'ENOENT') r.missing++;
    else if (why) failed(r, base + s.rel, why);
    else if (unlinkCounted(name, base + s.rel, r)) {
      r.removed++;
      r.bytesFreed += s.bytes;
    } else if (!fs.existsSync(name)) r.missing++;
  }
  for (const log of x.logs) {
    // rels of the logs, and their directories (one, unless the queue and the log hash differently)
    const rels = batch.map((i) => queueFilePath(log, selected[i].id, x.hash.hashQueueNames, x.hash.hashQueueDepth));
    for (const [logDir, members] of byDirectory(rels)) {
      const refused = x.cursor.enter(logDir);
      // no such log directory: no log to remove (as an unlink there would have said)
      if (refused === 'ENOENT') continue;
      for (const m of members) {
        if (refused) failed(r, base + rels[m], refused);
        else if (unlinkCounted(nameOf(rels[m]), base + rels[m], r)) r.logsRemoved++;
      }
    }
  }
}

// Unlinks each selected message and its logs, a directory at a time; reports and yields to the
// event loop every 512 files so progress shows and Ctrl-C stops it between batches (what is removed
// stays removed, with its logs; the rest stays intact). The working directory is restored before
// each yield and at the end, whatever happens.
export async function removeQueueFiles(
  queueDir: string,
  selected: readonly SelectedMessage[],
  hash: HashLayout,
  onProgress?: (done: number, bytes: number) => void,
  signal?: AbortSignal,
  options: RemoveOptions = {},
): Promise<RemoveResult> {
  const r: RemoveResult = { removed: 0, bytesFreed: 0, logsRemoved: 0, missing: 0, errors: [], errorCount: 0, aborted: false };
  const logs = LOGS.filter((l) => hasEntries(path.join(queueDir, l)));
  // rel and the log paths are built from checked queue IDs: plain concatenation, no per-file normalising
  const x: Removal = { base: path.resolve(queueDir) + '/', selected, hash, logs, cursor: queueDirCursor(queueDir, options.entered), r };
  let done = 0;
  let reportAt = BATCH;
  try {
    walk: for (const [dir, members] of byDirectory(selected.map((s) => s.rel))) {
      for (let at = 0; at < members.length; at += BATCH) {
        if (signal?.aborted) {
          r.aborted = true;
          break walk;
        }
        const batch = members.slice(at, at + BATCH);
        removeBatch(x, dir, batch);
        done += batch.length;
        if (done >= reportAt) {
          x.cursor.leave();
          onProgress?.(done, r.bytesFreed);
          await new Promise((res) => setImmediate(res));
          reportAt = done + BATCH;
        }
      }
    }
  } finally {
    x.cursor.leave();
  }
  onProgress?.(r.removed + r.missing, r.bytesFreed);
  return r;
}
