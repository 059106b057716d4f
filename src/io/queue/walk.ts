import fs from 'node:fs';
import path from 'node:path';
import { isQueueId } from '../../core/queue/queue-id.js';
import type { QueueName } from '../../core/queue/message.js';
import { streamDir } from '../walk/dir-stream.js';
import { mountPointsUnder } from '../walk/mount-points.js';
import { safeRealpath } from '../paths/safe-realpath.js';

// One file name found in a queue, with where it lives.
export interface QueueEntry {
  queue: QueueName;
  id: string;
  /** Relative to the queue directory root: "deferred/2/24EB9888E". */
  rel: string;
  full: string;
}

// What the walk passed over: hash subdirectories walked, names that are not queue IDs, queues
// that could not be opened (and why).
export interface WalkNotes {
  subdirs: number;
  strays: number;
  missingQueues: string[];
  unreadable: { dir: string; error: string }[];
  /** Mount points (bind mounts included) found inside the queues: never entered nor read. */
  mountPoints?: string[];
}

/** Hash directories nest at most this deep (Postfix allows hash_queue_depth up to 16). */
const MAX_DEPTH = 16;

// Streams the queue files of the given queues in readdir order, batch by batch (never a whole
// listing in memory), descending into one-character hash subdirectories (hash_queue_depth 1, 2,
// ...; a queue hashed once and unhashed later has files at both levels, so both are read).
export async function* walkQueues(queueDir: string, queues: readonly QueueName[], notes: WalkNotes, signal?: AbortSignal): AsyncGenerator<QueueEntry[]> {
  // What is mounted inside the queues (a bind mount of the same filesystem too) is not the queue's:
  // its files are never listed, so never selected, held or removed.
  let real = queueDir;
  try {
    real = fs.realpathSync(queueDir);
  } catch {
    // missing: every queue is reported missing below
  }
  const mounts = mountPointsUnder(real);
  for (const queue of queues) {
    const top = path.join(queueDir, queue);
    if (!fs.existsSync(top)) {
      notes.missingQueues.push(queue);
      continue;
    }
    yield* walkDir(top, queue, queue, 0, notes, mounts, signal);
  }
}

async function* walkDir(dir: string, queue: QueueName, rel: string, depth: number, notes: WalkNotes, mounts: ReadonlySet<string>, signal?: AbortSignal): AsyncGenerator<QueueEntry[]> {
  const subdirs: string[] = [];
  let stream: AsyncGenerator<fs.Dirent[]>;
  try {
    stream = streamDir(dir, { signal, batchSize: 2048 });
  } catch (e) {
    notes.unreadable.push({ dir: rel, error: (e as NodeJS.ErrnoException).code ?? String(e) });
    return;
  }
  for await (const batch of stream) {
    const out: QueueEntry[] = [];
    for (const d of batch) {
      if (mounts.size && mounts.has(`${rel}/${d.name}`)) {
        (notes.mountPoints ??= []).push(`${rel}/${d.name}`);
        continue;
      }
      if (d.isDirectory()) {
        if (d.name.length === 1 && depth < MAX_DEPTH) subdirs.push(d.name);
        else notes.strays++;
      } else if (isQueueId(d.name)) out.push({ queue, id: d.name, rel: `${rel}/${d.name}`, full: path.join(dir, d.name) });
      else notes.strays++;
    }
    if (out.length) yield out;
  }
  for (const s of subdirs) {
    notes.subdirs++;
    yield* walkDir(path.join(dir, s), queue, `${rel}/${s}`, depth + 1, notes, mounts, signal);
  }
}

// One directory of a queue: the queue itself (rel '') or a hash subdirectory (rel '2/', '2/4/').
export interface QueueDirectory {
  dir: string;
  rel: string;
  /** How many of its entries are hash subdirectories (not files). */
  subdirs: number;
}

// The directories of one queue, each yielded once read: itself, then its one-character hash
// subdirectories at any depth (the rules of walkQueues: at most MAX_DEPTH levels, mount points
// never entered), for callers that list each directory their own way (the incident capture keeps
// each directory's oldest and newest files). Entries are streamed, never a whole listing.
export function* queueDirectories(top: string, rel = '', depth = 0, mounts: ReadonlySet<string> = mountPointsUnder(safeRealpath(top))): Generator<QueueDirectory> {
  const subs: string[] = [];
  const d = fs.opendirSync(top, { bufferSize: 1024 });
  try {
    for (let e = d.readSync(); e !== null; e = d.readSync()) if (e.isDirectory() && e.name.length === 1 && depth < MAX_DEPTH) subs.push(e.name);
  } finally {
    d.closeSync();
  }
  yield { dir: top, rel, subdirs: subs.length };
  for (const s of subs) if (!mounts.has(rel + s)) yield* queueDirectories(path.join(top, s), `${rel}${s}/`, depth + 1, mounts);
}

// How many queue files a scan will read (names only, no file opened, no entry object built: a
// small fraction of the scan's cost), so its progress can show a percentage and an ETA. The same
// rules as walkQueues (hash subdirectories, queue ID names, mount points left alone). Files that
// arrive or leave meanwhile make it an estimate; an abort returns the count so far.
export async function countQueueFiles(queueDir: string, queues: readonly QueueName[], signal?: AbortSignal): Promise<number> {
  let real = queueDir;
  try {
    real = fs.realpathSync(queueDir);
  } catch {
    return 0;
  }
  const mounts = mountPointsUnder(real);
  const pending: { dir: string; rel: string; depth: number }[] = queues.map((q) => ({ dir: path.join(queueDir, q), rel: q as string, depth: 0 }));
  let n = 0;
  let last = performance.now();
  while (pending.length && !signal?.aborted) {
    const { dir, rel, depth } = pending.pop()!;
    let d: fs.Dir;
    try {
      d = fs.opendirSync(dir, { bufferSize: 1024 });
    } catch {
      continue;
    }
    try {
      for (let e = d.readSync(); e !== null; e = d.readSync()) {
        if (mounts.size && mounts.has(`${rel}/${e.name}`)) continue;
        if (e.isDirectory()) {
          if (e.name.length === 1 && depth < MAX_DEPTH) pending.push({ dir: path.join(dir, e.name), rel: `${rel}/${e.name}`, depth: depth + 1 });
        } else if (isQueueId(e.name)) n++;
      }
    } finally {
      d.closeSync();
    }
    if (performance.now() - last >= 16) {
      await new Promise((r) => setImmediate(r));
      last = performance.now();
    }
  }
  return n;
}
