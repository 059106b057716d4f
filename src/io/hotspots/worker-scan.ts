// The per-directory work of a hotspot worker: read a directory, lstat every entry, sort it into
// file bytes, subdirectories, hard links and skipped mounts. Runs inside worker threads from its
// own source text (see worker.ts), so each function here must be self-contained: no
// imports and no outside names, only parameters and JS/node globals. It is over 300 lines for that
// reason: split into modules, its functions could not be shipped to the workers as one source text.
import type { WirePath, WorkerBatch, WorkerSetup } from './protocol.js';

// What the scanner needs from the worker's message loop.
export interface ScanSink {
  /** The batch being filled. */
  out(): WorkerBatch;
  /** True when a partial batch should go now (progress is due, or the batch is big). */
  due(): boolean;
  /** Sends the batch (idle: the work item is done) and starts a new one. */
  post(idle: boolean, where: WirePath): void;
  /** Hands a chunk of names of a huge directory (joined with NUL) to the other workers. */
  share(id: number, dir: string, names: string): void;
  /** Offers a single-link file to the worker's largest-files list. */
  offerLargest(bytes: number, size: number, dirId: number, name: WirePath): void;
  /** With --export: an entry that is not a directory (st undefined: a mount point not entered). */
  exportEntry?(name: WirePath, st: ArrayLike<number> | undefined): void;
  /** With --export: the entries of directory dirId so far go to the spill file. */
  exportFlush?(dirId: number): void;
}

// An empty batch: what a worker, the main thread or the scan process fills between two sends.
// Every list starts as the kind of array V8 makes of one that arrives from another thread or
// process (generic, holes allowed): the scheduler reads batches of all three, and when its
// optimised code met both kinds V8 converted the main thread's arrays of numbers mid-scan, which
// threw six of the scan's optimised functions back to the interpreter to be compiled again
// (traced with --trace-deopt and --trace-elements-transitions).
export function emptyBatch(): WorkerBatch {
  const list = <T>(): T[] => {
    const a: unknown[] = new Array(1);
    a[0] = a;
    a.length = 0;
    return a as T[];
  };
  return {
    t: 'batch', idle: false, dirIds: list(), fileBytes: list(), entries: list(), subParents: list(), subPaths: list(), subBytes: list(), subSizes: list(), subKept: list(),
    linkDirs: list(), linkInos: list(), linkBytes: list(), linkSizes: list(), linkNames: list(), skipped: list(), errIds: list(), errMsgs: list(), fragIds: list(), fragOffsets: list(), fragLengths: list(), path: '',
  };
}

// Builds the scanner of one worker thread; lstat is createFastLstat's (six numbers, no Stats).
export function createDirScanner(fs: typeof import('node:fs'), setup: WorkerSetup, sink: ScanSink, lstat: (p: WirePath) => ArrayLike<number> | undefined) {
  const skip = new Set(setup.skip);
  const S_IFMT = 0o170000;
  const S_IFDIR = 0o040000;
  const SLASH = Buffer.from('/');
  const DOT = 0x2e;
  const REPLACEMENT = '\uFFFD';
  // Names of a directory are shared only past this many, in chunks of SHARE_CHUNK.
  const SHARE_AFTER = 4096;
  const SHARE_CHUNK = 1024;
  // A directory whose st_size is at most this has at most ~32k entries on any filesystem (btrfs
  // counts 2 bytes per name byte, tmpfs 20 per entry, ext4 and xfs more): read in one call,
  // without a Dirent per entry. Bigger ones are streamed.
  const SMALL_DIR = 64 * 1024;
  let sinceCheck = 0;
  // The directory whose entries are being counted, and its counts since the last flush.
  let id = 0;
  let fileBytes = 0;
  let entries = 0;
  let statFailures = 0;
  let statError = '';
  // Deep directories are lstat'ed through an open descriptor of the directory
  // (/proc/self/fd/N/name): the kernel then resolves ~6 components instead of the whole path, ~1.8x
  // less CPU per entry at depth 50 (measured; no gain below ~20). Only when /proc answers.
  const DEEP = 20;
  let viaFd = '';
  // The thread's working directory is the directory being read (the main thread's scan, which can
  // chdir): entries are lstat'ed by bare name, one path component like du's fstatat.
  let byName = false;
  let procWorks: boolean | undefined;
  // With setup.keepChild: the subdirectories this worker reads next itself, under local ids (one
  // per directory read, or every small one with 'all'; the last found is read first: depth first).
  const kept: { id: number; path: string; size: number }[] = [];
  let keptHere = 0;
  let nextLocalId = -1;
  const openDeep = (dir: string): number | undefined => {
    let slashes = 0;
    for (let i = 0; i < dir.length && slashes <= DEEP; i++) if (dir.charCodeAt(i) === 0x2f) slashes++;
    if (slashes <= DEEP) return undefined;
    let fd: number | undefined;
    try {
      fd = fs.openSync(dir, fs.constants.O_RDONLY | fs.constants.O_DIRECTORY | fs.constants.O_NOFOLLOW);
      procWorks ??= lstat(`/proc/self/fd/${fd}/.`) !== undefined;
      if (procWorks) viaFd = `/proc/self/fd/${fd}/`;
      return fd;
    } catch {
      if (fd !== undefined) fs.closeSync(fd);
      return undefined;
    }
  };

  const flush = () => {
    sink.exportFlush?.(id);
    if (fileBytes || entries) {
      const out = sink.out();
      out.dirIds.push(id);
      out.fileBytes.push(fileBytes);
      out.entries.push(entries);
    }
    fileBytes = 0;
    entries = 0;
  };

  const begin = (dirId: number) => {
    id = dirId;
    keptHere = 0;
    fileBytes = 0;
    entries = 0;
    statFailures = 0;
    statError = '';
  };

  const end = () => {
    flush();
    if (statFailures) error(`stat:${statFailures}:${statError}`);
  };

  const error = (message: string) => {
    const out = sink.out();
    out.errIds.push(id);
    out.errMsgs.push(message);
  };

  // What failed, as a code and figures (the main thread words it: scanErrorWords in messages.ts).
  const describe = (e: NodeJS.ErrnoException): string => {
    const known = ['EACCES', 'EPERM', 'ENOENT', 'ENOTDIR', 'EIO'];
    return e.code && known.includes(e.code) ? `dir:${e.code}` : `dir:?:${e.message}`;
  };

  const close = (handle: import('node:fs').Dir) => {
    try {
      handle.closeSync();
    } catch {
      // already closed after a read error
    }
  };

  const textPath = (dir: string, name: string) => (dir === '.' ? name : dir === '/' ? '/' + name : dir + '/' + name);

  // Counts one entry of the current directory (given: its path, else built here from where and a
  // text name only when needed: an entry lstat'ed by bare name or through /proc needs it only when
  // it is a directory; name: for the largest files).
  const visit = (given: WirePath | undefined, name: WirePath, where: WirePath) => {
    let full = given;
    if (skip.size && typeof (full ??= textPath(where as string, name as string)) === 'string' && skip.has(full)) {
      sink.out().skipped.push(full);
      sink.exportEntry?.(name, undefined);
      return;
    }
    let st: ArrayLike<number> | undefined;
    try {
      st = lstat(typeof name !== 'string' ? full! : byName ? name : viaFd ? viaFd + name : (full ??= textPath(where as string, name)));
    } catch (e) {
      statFailures++;
      statError ||= (e as NodeJS.ErrnoException).code ?? 'error';
      return;
    }
    if (st === undefined) return; // deleted between readdir and lstat
    // Node's stat array: 0 dev, 1 mode, 2 nlink, 7 ino, 8 size, 9 blocks (hotspot-fast-lstat.ts).
    const isDir = (st[1] & S_IFMT) === S_IFDIR;
    const dirPath: WirePath = isDir ? (full ?? textPath(where as string, name as string)) : '';
    if (st[0] !== setup.rootDev) {
      if (isDir) sink.out().skipped.push(dirPath);
      if (isDir) sink.exportEntry?.(name, undefined);
      return;
    }
    if (!isDir) sink.exportEntry?.(name, st);
    const bytes = st[9] * 512;
    const size = st[8];
    if (isDir) {
      entries++;
      const out = sink.out();
      out.subParents.push(id);
      out.subPaths.push(dirPath);
      out.subBytes.push(bytes);
      out.subSizes.push(size);
      if (setup.keepChild && (setup.keepChild === 'all' || keptHere === 0) && typeof dirPath === 'string' && size <= SMALL_DIR) {
        keptHere++;
        kept.push({ id: nextLocalId, path: dirPath, size });
        out.subKept.push(nextLocalId--);
      } else out.subKept.push(0);
    } else if (st[2] > 1) {
      const out = sink.out();
      out.linkDirs.push(id);
      out.linkInos.push(st[7]);
      out.linkBytes.push(bytes);
      out.linkSizes.push(size);
      out.linkNames.push(name);
    } else {
      fileBytes += bytes;
      entries++;
      sink.offerLargest(bytes, size, id, name);
    }
    if ((++sinceCheck & 1023) === 0 && sink.due()) {
      flush();
      sink.post(false, where);
    }
  };

  const visitNames = (dir: string, names: readonly string[]) => {
    for (const name of names) visit(undefined, name, dir);
  };

  // Reads a directory by name as text; names that are not valid UTF-8 come back with U+FFFD and
  // cannot be lstat'ed, so they are left for a second pass over the bytes. Returns true then.
  const readText = (dirId: number, dir: string, size: number): boolean => {
    if (size <= SMALL_DIR) return readSmall(dir);
    let handle: import('node:fs').Dir;
    try {
      handle = fs.opendirSync(dir, { bufferSize: 1024 });
    } catch (e) {
      error(describe(e as NodeJS.ErrnoException));
      return false;
    }
    let replaced = false;
    let seen = 0;
    let turn = 0;
    let chunk: string[] = [];
    try {
      for (let d = handle.readSync(); d !== null; d = handle.readSync()) {
        const name = d.name;
        if (name.includes(REPLACEMENT)) {
          replaced = true;
          continue;
        }
        if (setup.workers > 1 && ++seen > SHARE_AFTER) {
          chunk.push(name);
          if (chunk.length === SHARE_CHUNK) {
            if (turn++ % setup.workers === 0) visitNames(dir, chunk);
            else sink.share(dirId, dir, chunk.join('\0'));
            chunk = [];
          }
          continue;
        }
        visit(undefined, name, dir);
      }
      visitNames(dir, chunk);
    } catch (e) {
      error(describe(e as NodeJS.ErrnoException));
    } finally {
      close(handle);
    }
    return replaced;
  };

  const readSmall = (dir: string): boolean => {
    let names: string[];
    try {
      names = fs.readdirSync(byName ? '.' : dir);
    } catch (e) {
      error(describe(e as NodeJS.ErrnoException));
      return false;
    }
    let replaced = false;
    for (const name of names) {
      if (name.includes(REPLACEMENT)) replaced = true;
      else visit(undefined, name, dir);
    }
    return replaced;
  };

  // Reads a directory as bytes: for a path that is not UTF-8, or for the names that were not.
  const readBytes = (dir: WirePath, onlyReplaced: boolean) => {
    const dirBytes = Buffer.from(typeof dir === 'string' ? Buffer.from(dir) : dir);
    const atStart = dirBytes.length === 1 && dirBytes[0] === DOT;
    let handle: import('node:fs').Dir;
    try {
      handle = fs.opendirSync(dirBytes as unknown as string, { bufferSize: 1024, encoding: 'buffer' as BufferEncoding });
    } catch (e) {
      error(describe(e as NodeJS.ErrnoException));
      return;
    }
    try {
      for (let d = handle.readSync(); d !== null; d = handle.readSync()) {
        const raw = d.name as unknown as Buffer;
        if (onlyReplaced && !raw.toString().includes(REPLACEMENT)) continue; // done in the text pass
        const name = Buffer.from(raw);
        visit(atStart ? name : Buffer.concat([dirBytes, SLASH, raw]), name, dir);
      }
    } catch (e) {
      error(describe(e as NodeJS.ErrnoException));
    } finally {
      close(handle);
    }
  };

  return {
    // Counts everything directly inside one directory (inside: the working directory is dir).
    scanDir(dirId: number, dir: WirePath, size: number, inside = false): void {
      begin(dirId);
      byName = inside && typeof dir === 'string';
      const fd = typeof dir === 'string' && !byName ? openDeep(dir) : undefined;
      try {
        if (typeof dir !== 'string') readBytes(dir, false);
        else if (readText(dirId, dir, size)) readBytes(dir, true);
      } finally {
        viaFd = '';
        byName = false;
        if (fd !== undefined) fs.closeSync(fd);
      }
      end();
    },
    // The next subdirectory kept (setup.keepChild), to be read now, once: the deepest first.
    takeKept(): { id: number; path: string; size: number } | undefined {
      return kept.pop();
    },
    // Counts a chunk of names another worker read from a huge directory.
    scanNames(dirId: number, dir: string, names: string, inside = false): void {
      begin(dirId);
      byName = inside;
      try {
        visitNames(dir, names.split('\0'));
      } finally {
        byName = false;
      }
      end();
    },
  };
}

// Keeps a worker's largest single-link files (parallel arrays; k is small, a linear scan for the
// smallest is cheap and happens only when a bigger file arrives).
export function createLargestFiles(k: number) {
  const kept = { bytes: [] as number[], sizes: [] as number[], dirIds: [] as number[], names: [] as WirePath[] };
  let min = 0;
  return {
    kept,
    offer(bytes: number, size: number, dirId: number, name: WirePath): void {
      const n = kept.bytes.length;
      if (n < k) {
        kept.bytes.push(bytes);
        kept.sizes.push(size);
        kept.dirIds.push(dirId);
        kept.names.push(name);
        if (bytes < kept.bytes[min] || n === 0) min = n;
        return;
      }
      if (k === 0 || bytes <= kept.bytes[min]) return;
      kept.bytes[min] = bytes;
      kept.sizes[min] = size;
      kept.dirIds[min] = dirId;
      kept.names[min] = name;
      let m = 0;
      for (let i = 1; i < n; i++) if (kept.bytes[i] < kept.bytes[m]) m = i;
      min = m;
    },
  };
}
