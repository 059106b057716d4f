import { CliError } from '../core/cli-error.js';
import { readStopText, type ListingEntry } from '../core/listing/entry.js';
import type { SystemPaths } from '../core/system-paths.js';
import type { AccountNames } from '../io/system/account-names.js';
import type { Listing, openListing } from '../io/listing/listing.js';
import type { ScanOutcome, scanDirectory } from '../io/listing/scan.js';
import type { pathError, resolveListingTarget } from '../io/listing/target.js';

// The look-inside use case, for `spoolrescue ls` and the walk's Look inside step alike: check the
// target (a symlink is refused unless followed), page through the directory in readdir order
// (page N+1 continues where page N stopped, nothing is re-read or held), and one streaming pass
// for the count and the oldest/newest. Failures are one line naming the path as the rescued
// system sees it, prefixed with `where` (the front-end's own name for the place).

// How paths are shown in messages: the system path as escaped by the caller, the prefix, --root.
export interface PathLabel {
  /** The path as the operator sees it, escaped for the terminal. */
  shown: string;
  where: string;
  root: string | undefined;
}

// The outside world of a listing; built once in src/ops/real/listing.ts.
export interface ListingDeps {
  resolveTarget: typeof resolveListingTarget;
  openListing: typeof openListing;
  scanDirectory: typeof scanDirectory;
  pathError: typeof pathError;
  lstat(p: string): { isDirectory(): boolean; isFile(): boolean; isSymbolicLink(): boolean; size: number; mode: number; uid: number; gid: number; mtimeMs: number };
  accountNames(paths: SystemPaths): AccountNames;
}

// One page of a directory in readdir order; `incomplete` says why reading stopped early.
export interface PageRead {
  entries: ListingEntry[];
  done: boolean;
  incomplete?: string;
}

// A forward-only reader over one open directory, abortable per page.
export interface DirectoryPages {
  next(count: number, signal: AbortSignal): Promise<PageRead>;
  close(): void;
}

// lstat facts of one path (a directory or a spool file), or the one-line reason it has none.
export interface PathLook {
  path: string;
  kind: 'dir' | 'file' | 'symlink' | 'other' | 'missing';
  sizeBytes: number;
  mode: number;
  uid: number;
  gid: number;
  owner?: string;
  group?: string;
  mtimeMs: number;
  error?: string;
}

// Opens the directory at once; a failure throws the one-line reason (a CliError).
export function openDirectory(dir: string, label: PathLabel, deps: ListingDeps, signal?: AbortSignal): Listing {
  try {
    return deps.openListing(dir, { signal });
  } catch (e) {
    throw deps.pathError(e, label.shown, label.where, label.root);
  }
}

// Pages over a directory opened for a front-end that aborts page by page (the walk).
export function directoryPages(dir: string, label: PathLabel, deps: ListingDeps): DirectoryPages {
  const stop = new AbortController();
  const listing = openDirectory(dir, label, deps, stop.signal);
  return {
    async next(count, signal) {
      signal.throwIfAborted();
      const onAbort = () => stop.abort(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        const page = await listing.nextPage(count);
        return { entries: page.entries, done: page.done, ...(page.incomplete ? { incomplete: readStopText(page.incomplete) } : {}) };
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },
    close: () => listing.close(),
  };
}

// One pass over the whole directory: the count and, when asked, the oldest and newest. A failure
// to start throws the one-line reason; one part-way is `incomplete` with what was seen.
export async function countDirectory(dir: string, label: PathLabel, o: { oldest: number; newest: number; statByName?: boolean }, deps: ListingDeps, onProgress?: (entriesSeen: number) => void, signal?: AbortSignal): Promise<ScanOutcome> {
  try {
    return await deps.scanDirectory(dir, { ...o, signal, onProgress });
  } catch (e) {
    throw deps.pathError(e, label.shown, label.where, label.root);
  }
}

// The failure's line without its prefix, for a document already begun (the listing's tail).
export function failureText(err: unknown, label: PathLabel, deps: ListingDeps): string {
  const e = err instanceof CliError ? err : deps.pathError(err, label.shown, label.where, label.root);
  return e.message.replace(`${label.where}: `, '');
}

// lstat facts of what the operator picked, with owner names from the rescued system's own files.
export function lookAt(p: string, label: PathLabel, paths: SystemPaths, deps: ListingDeps, names: { cache?: AccountNames } = {}): PathLook {
  let st;
  try {
    st = deps.lstat(p);
  } catch (e) {
    return { path: p, kind: 'missing', sizeBytes: 0, mode: 0, uid: 0, gid: 0, mtimeMs: 0, error: deps.pathError(e, label.shown, label.where, label.root).message };
  }
  names.cache ??= deps.accountNames(paths);
  const kind = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : st.isSymbolicLink() ? 'symlink' : 'other';
  return { path: p, kind, sizeBytes: st.size, mode: st.mode, uid: st.uid, gid: st.gid, owner: names.cache.user(st.uid) ?? undefined, group: names.cache.group(st.gid) ?? undefined, mtimeMs: st.mtimeMs };
}
