import fs from 'node:fs';
import type { SystemPaths } from '../../core/system-paths.js';
import { loadAccountNames } from '../../io/account-names.js';
import { openListing } from '../../io/listing.js';
import { scanDirectory } from '../../io/listing-scan.js';
import { pathError } from '../../io/listing-target.js';
import { escapeName } from '../../core/escape-name.js';
import type { DirectoryPager, LookInsidePort, PathFacts } from '../ports.js';

// Look inside on the listing core: a pager over one open directory (page N+1 continues where
// page N stopped, nothing is re-read or held), and one streaming pass for the count and the
// oldest/newest. The CLI's chdir speed-up (statByName) is never used: the walk does other file
// work in the same process at the same time.

const WHERE = 'Look inside';

// A pager over one directory; opening failures throw at once with a one-line reason.
export function openPager(dir: string, paths: SystemPaths): DirectoryPager {
  const stop = new AbortController();
  let listing;
  try {
    listing = openListing(dir, { signal: stop.signal });
  } catch (e) {
    throw pathError(e, escapeName(paths.toSystem(dir)), WHERE, paths.root);
  }
  const l = listing;
  return {
    async next(count, signal) {
      signal.throwIfAborted();
      const onAbort = () => stop.abort(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        const page = await l.nextPage(count);
        return { entries: page.entries, done: page.done, ...(page.incomplete ? { incomplete: page.incomplete } : {}) };
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },
    close: () => l.close(),
  };
}

// The whole Look inside port; owner names come from the rescued system's own files.
export function lookInsidePort(paths: SystemPaths): LookInsidePort {
  let names: ReturnType<typeof loadAccountNames> | undefined;
  return {
    async stat(p): Promise<PathFacts> {
      let st: fs.Stats;
      try {
        st = fs.lstatSync(p);
      } catch (e) {
        return { path: p, kind: 'missing', sizeBytes: 0, mode: 0, uid: 0, gid: 0, mtimeMs: 0, error: pathError(e, escapeName(paths.toSystem(p)), WHERE, paths.root).message };
      }
      names ??= loadAccountNames(paths);
      const kind = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : st.isSymbolicLink() ? 'symlink' : 'other';
      return { path: p, kind, sizeBytes: st.size, mode: st.mode, uid: st.uid, gid: st.gid, owner: names.user(st.uid) ?? undefined, group: names.group(st.gid) ?? undefined, mtimeMs: st.mtimeMs };
    },
    open: (dir) => openPager(dir, paths),
    async scan(dir, k, o) {
      let r;
      try {
        r = await scanDirectory(dir, { oldest: k, newest: k, signal: o.signal, onProgress: o.onProgress });
      } catch (e) {
        throw pathError(e, escapeName(paths.toSystem(dir)), WHERE, paths.root);
      }
      if (r.incomplete?.reason === 'aborted') throw o.signal.reason ?? new Error('stopped');
      return { count: r.count, oldest: r.oldest, newest: r.newest, undated: r.undated, incomplete: r.incomplete?.message ?? null };
    },
  };
}
