import fs from 'node:fs';
import { direntKind, streamDirBuffers } from './dir-stream.js';
import { mountIdOfFd, mountPointsUnder, pathOfFd } from './mount-points.js';
import type { WalkSkip } from '../../core/purge/walk-skip.js';

// Walks a tree for a purge without ever following a symlink or entering a mount point (another
// filesystem or a bind mount of the same one: mountinfo and the mount ID decide, not st_dev). Every
// directory is held open by a file descriptor and reached through /proc/self/fd/N, so an entry
// renamed or swapped for a symlink mid-run cannot redirect the walk (the unlinkat() guarantee,
// which Node lacks, through procfs).

const { O_RDONLY, O_DIRECTORY, O_NOFOLLOW } = fs.constants;
const SLASH = Buffer.from('/');

// A directory held open for the walk: names inside it are reached as `${via}/${name}`.
export interface OpenedDir {
  fd: number;
  /** /proc/self/fd/N */
  via: string;
  /** `${via}/` as bytes, to build entry paths from exact names. */
  prefix: Buffer;
  dev: number;
  ino: number;
  /** Mount ID of the mount it was reached through (undefined when the kernel does not say). */
  mntId: number | undefined;
  close(): void;
}

// Why a directory was not entered: the walk leaves it as it is and reports it.
export interface SkipReason {
  reason: WalkSkip;
}

// Seams for tests that provoke races (swap a directory for a symlink just before it is opened).
export interface WalkHooks {
  beforeOpenDir?: (hostPath: string) => void;
}

function opened(fd: number, dev: number, ino: number): OpenedDir {
  const via = `/proc/self/fd/${fd}`;
  let closed = false;
  return {
    fd,
    via,
    prefix: Buffer.from(via + '/'),
    dev,
    ino,
    mntId: mountIdOfFd(fd),
    close() {
      if (closed) return;
      closed = true;
      fs.closeSync(fd);
    },
  };
}

// True when /proc/self/fd is usable (the walk needs it; rescue shells without /proc must mount it).
export function procFdAvailable(): boolean {
  try {
    return fs.statSync('/proc/self/fd').isDirectory();
  } catch {
    return false;
  }
}

// Opens the directory a purge works on: never through a symlink, and only if it is still the
// inode that was snapshotted (a directory swapped in between is refused).
export function openDirNoFollow(path: string | Buffer, expect?: { dev: number; ino: number }): OpenedDir | SkipReason {
  let fd: number;
  try {
    fd = fs.openSync(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'ENOTDIR') return { reason: { code: 'symlink-or-not-dir' } };
    return { reason: { code: 'cannot-open', why: code ?? (e as Error).message } };
  }
  const st = fs.fstatSync(fd);
  if (expect && (st.dev !== expect.dev || st.ino !== expect.ino)) {
    fs.closeSync(fd);
    return { reason: { code: 'changed' } };
  }
  return opened(fd, st.dev, st.ino);
}

// Re-checks an entry right before descending: lstat (a directory, not a symlink), the same
// filesystem as the walk's root, then open with O_NOFOLLOW, compare the inode, and refuse a
// directory reached through another mount than its parent (a bind mount has the same st_dev).
/** @internal unit-tested on its own: test/io/walk-mount-points.test.ts */
export function openChildDir(parent: OpenedDir, name: Buffer, rootDev: number, hooks?: WalkHooks): OpenedDir | SkipReason | 'not-a-directory' {
  const p = Buffer.concat([parent.prefix, name]);
  let st: fs.Stats;
  try {
    st = fs.lstatSync(p);
  } catch (e) {
    return { reason: { code: 'vanished', errno: (e as NodeJS.ErrnoException).code } };
  }
  if (!st.isDirectory()) return 'not-a-directory';
  if (st.dev !== rootDev) return { reason: { code: 'mount-point' } };
  hooks?.beforeOpenDir?.(p.toString());
  const child = openDirNoFollow(p, { dev: st.dev, ino: st.ino });
  if ('fd' in child && child.mntId !== parent.mntId) {
    child.close();
    return { reason: { code: 'mount-point' } };
  }
  return child;
}

// What the walk calls: file() for every entry that is not a directory it enters, dirDone() after
// a subdirectory was walked and closed, skipped() for a directory it refused to enter.
export interface TreeVisitor {
  file(parent: OpenedDir, name: Buffer, rel: Buffer): void | Promise<void>;
  /** Called before a directory's descriptor is closed: in-flight work on it must finish first. */
  beforeClose(dir: OpenedDir): void | Promise<void>;
  dirDone(parent: OpenedDir, name: Buffer, rel: Buffer): void | Promise<void>;
  skipped(rel: Buffer, reason: WalkSkip): void;
  /** After each batch of entries (progress). */
  batchDone?(): void;
}

// Abort, race seams and batch size for a walk.
export interface WalkOptions {
  signal?: AbortSignal;
  hooks?: WalkHooks;
  batchSize?: number;
}

// Walks everything below an opened directory, depth first, in readdir order, one batch of names
// in memory per level. Throws the signal's reason when aborted (after beforeClose on each level).
export async function walkTree(root: OpenedDir, v: TreeVisitor, o: WalkOptions = {}): Promise<void> {
  // Mount points below the root, by path, checked before an entry is even looked at (a dead
  // network mount would hang the lstat); the mount ID check in openChildDir closes the race.
  const rootPath = pathOfFd(root.fd);
  const mountPoints = rootPath === undefined ? new Set<string>() : mountPointsUnder(rootPath);
  const walk = async (dir: OpenedDir, rel: Buffer): Promise<void> => {
    let batches: AsyncGenerator<fs.Dirent<Buffer>[]>;
    try {
      batches = streamDirBuffers(dir.via, { signal: o.signal, batchSize: o.batchSize });
    } catch (e) {
      v.skipped(rel.length ? rel : Buffer.from('.'), { code: 'cannot-read', why: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
      return;
    }
    for await (const batch of batches) {
      for (const d of batch) {
        const relName = rel.length ? Buffer.concat([rel, SLASH, d.name]) : d.name;
        if (mountPoints.size && mountPoints.has(relName.toString('latin1'))) {
          v.skipped(relName, { code: 'mount-point' });
          continue;
        }
        let kind = direntKind(d);
        if (kind === 'unknown') {
          const st = fs.lstatSync(Buffer.concat([dir.prefix, d.name]), { throwIfNoEntry: false });
          if (!st) continue;
          kind = st.isDirectory() ? 'dir' : 'file';
        }
        if (kind !== 'dir') {
          await v.file(dir, d.name, relName);
          continue;
        }
        const child = openChildDir(dir, d.name, root.dev, o.hooks);
        if (child === 'not-a-directory') {
          await v.file(dir, d.name, relName);
          continue;
        }
        if (!('fd' in child)) {
          v.skipped(relName, child.reason);
          continue;
        }
        try {
          await walk(child, relName);
        } finally {
          await v.beforeClose(child);
          child.close();
        }
        await v.dirDone(dir, d.name, relName);
      }
      v.batchDone?.();
    }
  };
  await walk(root, Buffer.alloc(0));
}
