import fs from 'node:fs';
import path from 'node:path';
import { asideName, freshName } from '../../core/purge/aside.js';
import { snapshotDifferences, type DirSnapshot } from '../../core/purge/snapshot.js';
import { applySnapshot, takeSnapshot } from './snapshot.js';
import type { LabelTools } from '../files/xattr.js';
import type { SwapFailure } from '../../core/purge/swap-failure.js';

// The swap: an empty sibling made exactly like the snapshot (owner, group, mode, every extended
// attribute and inode flag) takes DIR's place by two renames in the same parent; the old
// directory, renamed aside under a name a rerun recognises, is deleted afterwards. Any failure before DIR moved leaves DIR untouched.

// Whether the swap happened; when not, DIR is exactly as it was.
export interface SwapResult {
  ok: boolean;
  /** Where the old DIR now is (ok only). */
  asidePath?: string;
  /** What failed; DIR is as it was (ok false). */
  failure?: SwapFailure;
}

const errText = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

function removeQuietly(p: string): void {
  try {
    fs.rmdirSync(p);
  } catch {
    // left for a rerun to find (it is named as a leftover)
  }
}

// Makes the fresh directory next to DIR with the snapshot's attributes and checks it really has
// them (a label the filesystem silently drops must not go unnoticed). Returns its path or why not.
async function makeFreshSibling(dir: string, snap: DirSnapshot, labels: LabelTools, stamp: string): Promise<{ path: string } | { failure: SwapFailure }> {
  if (snap.xattrs.state === 'unknown') return { failure: { code: 'xattrs-unknown', why: snap.xattrs.why } };
  if (snap.flags.state === 'unknown') return { failure: { code: 'flags-unknown', why: snap.flags.why } };
  const fresh = path.join(path.dirname(dir), freshName(path.basename(dir), stamp));
  try {
    fs.mkdirSync(fresh, 0o700);
  } catch (e) {
    return { failure: { code: 'cannot-create', path: fresh, why: errText(e) } };
  }
  const applied = await applySnapshot(fresh, snap, labels);
  if (!applied.ok) {
    removeQuietly(fresh);
    return { failure: { code: 'not-applied', failures: applied.failures } };
  }
  const diff = snapshotDifferences(snap, await takeSnapshot(fresh, labels));
  if (diff.length) {
    removeQuietly(fresh);
    return { failure: { code: 'not-taken', differences: diff } };
  }
  return { path: fresh };
}

// Puts a fresh, empty copy of DIR in its place and moves the old one aside. When the second rename
// fails the first is undone, so DIR is never left missing by this function.
export async function swapInFreshDir(dir: string, snap: DirSnapshot, labels: LabelTools, stamp: string): Promise<SwapResult> {
  const made = await makeFreshSibling(dir, snap, labels, stamp);
  if ('failure' in made) return { ok: false, failure: made.failure };
  const aside = path.join(path.dirname(dir), asideName(path.basename(dir), stamp));
  try {
    fs.renameSync(dir, aside);
  } catch (e) {
    removeQuietly(made.path);
    return { ok: false, failure: { code: 'cannot-rename-aside', path: dir, why: errText(e) } };
  }
  const moved = fs.lstatSync(aside, { throwIfNoEntry: false });
  if (!moved || !moved.isDirectory() || moved.ino !== snap.ino || moved.dev !== snap.dev) {
    fs.renameSync(aside, dir);
    removeQuietly(made.path);
    return { ok: false, failure: { code: 'changed-while-swapped', dir } };
  }
  try {
    fs.renameSync(made.path, dir);
  } catch (e) {
    fs.renameSync(aside, dir);
    removeQuietly(made.path);
    return { ok: false, failure: { code: 'cannot-rename-new', why: errText(e), dir } };
  }
  return { ok: true, asidePath: aside };
}

function isEmptyDir(p: string): boolean {
  try {
    const d = fs.opendirSync(p);
    try {
      return d.readSync() === null;
    } finally {
      d.closeSync();
    }
  } catch {
    return false;
  }
}

// After an interrupted swap left DIR missing: puts a fresh directory (an unfinished empty one, or
// a new one) with the set-aside copy's attributes in its place. Returns why not when it cannot.
export async function restoreMissingDir(dir: string, asidePath: string, freshPath: string | undefined, labels: LabelTools, stamp: string): Promise<{ ok: true } | { ok: false; failure: SwapFailure }> {
  const snap = await takeSnapshot(asidePath, labels);
  let fresh = freshPath && isEmptyDir(freshPath) ? freshPath : undefined;
  if (fresh) {
    if (snap.xattrs.state === 'unknown' || snap.flags.state === 'unknown') return { ok: false, failure: { code: 'aside-unknown' } };
    const applied = await applySnapshot(fresh, snap, labels);
    if (!applied.ok) return { ok: false, failure: { code: 'not-applied', failures: applied.failures } };
    const diff = snapshotDifferences(snap, await takeSnapshot(fresh, labels));
    if (diff.length) return { ok: false, failure: { code: 'not-taken-restore', differences: diff } };
  } else {
    const made = await makeFreshSibling(dir, snap, labels, stamp);
    if ('failure' in made) return { ok: false, failure: made.failure };
    fresh = made.path;
  }
  try {
    fs.renameSync(fresh, dir);
  } catch (e) {
    return { ok: false, failure: { code: 'cannot-rename-into-place', path: fresh, why: errText(e) } };
  }
  return { ok: true };
}
