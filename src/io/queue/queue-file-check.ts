import fs from 'node:fs';
import path from 'node:path';
import type { QueueName, SelectedMessage } from '../../core/queue/message.js';
import { hashDirs } from '../../core/queue/queue-id.js';
import type { HashLayout } from './defer-reasons.js';
import { queueDirRefusal } from './queue-dir-cursor.js';

// Finds a named queue ID's file without reading it: one lstat at the path Postfix files it under
// (hash_queue_names / hash_queue_depth), which must be a regular file (not a symlink) owned by the
// queue's owner (maildrop files belong to whoever submitted them), in directories that are real
// directories of the queue's filesystem (no symlink, no mount point); each directory is checked once.
// The removal enters the same directories by the same rule (queue-dir-cursor.ts) before unlinking.

// What is at an ID's place in a queue.
export type QueueFileCheck =
  | { found: SelectedMessage }
  | { gone: true }
  /** A symlink, directory, FIFO... planted under a queue file's name. */
  | { notFile: true }
  /** A regular file, but not the queue owner's. */
  | { otherOwner: true }
  /** The queue or a hash directory is a symlink, not a directory, or another filesystem. */
  | { badDir: true };

interface DirFacts {
  ok: boolean;
  uid: number;
}

// A checker for one queue directory (keeps what it learnt about its directories).
export function queueFileChecker(queueDir: string, hash: HashLayout): (queue: QueueName, id: string) => QueueFileCheck {
  const base = path.resolve(queueDir) + '/';
  const root = fs.statSync(base);
  const dirs = new Map<string, DirFacts>();
  const tops = new Map<string, DirFacts>();
  const checkDir = (rel: string, owner: number): DirFacts => {
    let f = dirs.get(rel);
    if (!f) {
      try {
        const st = fs.lstatSync(base + rel);
        f = { ok: queueDirRefusal(st, root.dev, owner) === null, uid: st.uid };
      } catch {
        f = { ok: false, uid: -1 };
      }
      dirs.set(rel, f);
    }
    return f;
  };
  const topOf = (queue: QueueName): DirFacts => {
    let f = tops.get(queue);
    if (!f) {
      try {
        const st = fs.lstatSync(base + queue);
        f = { ok: queueDirRefusal(st, root.dev) === null, uid: st.uid };
      } catch {
        f = { ok: false, uid: -1 };
      }
      tops.set(queue, f);
    }
    return f;
  };
  const hashed = new Set(hash.hashQueueNames);
  return (queue, id) => {
    const top = topOf(queue);
    if (!top.ok) return top.uid === -1 ? { gone: true } : { badDir: true };
    let rel: string = queue;
    if (hashed.has(queue) && hash.hashQueueDepth > 0) {
      const sub = hashDirs(id, hash.hashQueueDepth).split('/');
      for (let i = 0; i < sub.length - 1; i++) {
        rel += '/' + sub[i];
        const d = checkDir(rel, top.uid);
        if (!d.ok) return d.uid === -1 ? { gone: true } : { badDir: true };
      }
    }
    rel += '/' + id;
    let st: fs.Stats | undefined;
    try {
      // no exception built for the common "already gone": a million of them cost seconds
      st = fs.lstatSync(base + rel, { throwIfNoEntry: false });
    } catch {
      st = undefined;
    }
    if (!st) return { gone: true };
    if (!st.isFile()) return { notFile: true };
    if (queue !== 'maildrop' && st.uid !== top.uid) return { otherOwner: true };
    return { found: { queue, id, rel, bytes: st.size } };
  };
}
