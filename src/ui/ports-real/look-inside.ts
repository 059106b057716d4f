import fs from 'node:fs';
import path from 'node:path';
import type { SystemPaths } from '../../core/system-paths.js';
import { countEntries, oldestNewest, type ListedEntry } from '../../io/dir-listing.js';
import { direntKind, streamDir } from '../../io/dir-stream.js';
import type { DirectoryPager, LookInsidePort, LsEntry, PathFacts } from '../ports.js';
import { nameTables } from './names.js';

// Look inside on what this build has (src/io/dir-stream.ts, src/io/dir-listing.ts): a forward
// pager over one readdir stream, so page N+1 continues where page N stopped and a directory of
// millions is never read from the start again nor held in memory.

const toLs = (e: ListedEntry): LsEntry => ({ name: e.name, type: e.type, size: e.size, mtime: e.mtimeMs, ...(e.error ? { error: e.error } : {}) });

function entryOf(dir: string, d: fs.Dirent): LsEntry {
  const st = fs.lstatSync(path.join(dir, d.name), { throwIfNoEntry: false });
  if (!st) return { name: d.name, type: direntKind(d), size: null, mtime: null, error: 'vanished while listing' };
  return { name: d.name, type: direntKind(d), size: st.size, mtime: st.mtimeMs };
}

// A pager over one open directory stream; close() releases the handle.
export function openPager(dir: string): DirectoryPager {
  const stream = streamDir(dir, { batchSize: 256 });
  let buffered: fs.Dirent[] = [];
  let ended = false;
  return {
    async next(count, signal) {
      const out: LsEntry[] = [];
      while (out.length < count) {
        signal.throwIfAborted();
        if (!buffered.length) {
          if (ended) break;
          const r = await stream.next();
          if (r.done) {
            ended = true;
            break;
          }
          buffered = r.value;
        }
        const take = buffered.splice(0, count - out.length);
        for (const d of take) out.push(entryOf(dir, d));
      }
      if (!buffered.length && !ended) {
        const r = await stream.next();
        if (r.done) ended = true;
        else buffered = r.value;
      }
      return { entries: out, done: ended && !buffered.length };
    },
    close() {
      void stream.return(undefined);
    },
  };
}

// The whole Look inside port; owner names come from the rescued system's own files.
export function lookInsidePort(paths: SystemPaths): LookInsidePort {
  const names = nameTables(paths);
  return {
    async stat(p): Promise<PathFacts> {
      let st: fs.Stats;
      try {
        st = fs.lstatSync(p);
      } catch (e) {
        return { path: p, kind: 'missing', sizeBytes: 0, mode: 0, uid: 0, gid: 0, mtimeMs: 0, error: (e as Error).message };
      }
      const kind = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : st.isSymbolicLink() ? 'symlink' : 'other';
      return { path: p, kind, sizeBytes: st.size, mode: st.mode, uid: st.uid, gid: st.gid, owner: names.user(st.uid), group: names.group(st.gid), mtimeMs: st.mtimeMs };
    },
    open: openPager,
    count: (dir, o) => countEntries(dir, o),
    async oldestNewest(dir, k, o) {
      const r = await oldestNewest(dir, k, o);
      return { oldest: r.oldest.map(toLs), newest: r.newest.map(toLs), count: r.count };
    },
  };
}
