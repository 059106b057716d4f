// The scanning half of hotspots, run in worker threads: synchronous opendir/readdir + lstat over
// batches of directories (the fast way in node: a promise per lstat is 12x slower than du). The
// worker body is serialised with toString() and started with eval (see hotspot-pool.ts), so the
// single bundled file and the TypeScript sources under test start it the same way. It must stay
// self-contained: no imports and no outside names, only its parameters and JS/node globals.
import { callSource } from './eval-source.js';

// A directory path as the worker handles it: text, or exact bytes when a name is not UTF-8.
export type WirePath = string | Uint8Array;

// Fixed facts for one scan, given to every worker at start.
export interface WorkerSetup {
  /** st_dev of the scan's start: nothing on another device is counted or entered. */
  rootDev: number;
  /** Mount points below the start that belong to another filesystem: never lstat'ed (a dead NFS
   *  mount would hang the lstat), never counted, like du -x. */
  skip: string[];
  /** How many largest files each worker keeps. */
  topFiles: number;
  /** A worker busy in one huge directory reports at least this often (ms). */
  progressMs: number;
}

// Work for a worker: directories (id and path), or "send your largest files, we are done".
export type ToWorker = { t: 'dirs'; ids: number[]; paths: WirePath[] } | { t: 'finish' };

// What a worker found since its last message. Every number is an increment, so partial reports
// from a directory that takes long (a million-file maildrop) add up without double counting.
export interface WorkerBatch {
  t: 'batch';
  /** True when every directory of the last 'dirs' message is finished (the worker is idle). */
  idle: boolean;
  /** Direct bytes (non-directories, hard links excluded) and direct entries per directory id. */
  dirIds: number[];
  fileBytes: number[];
  entries: number[];
  /** Subdirectories found: parent id, full path, allocated bytes of the directory itself. */
  subParents: number[];
  subPaths: WirePath[];
  subBytes: number[];
  /** Files with more than one link, for the main thread to count once per inode. */
  linkDirs: number[];
  linkInos: number[];
  linkBytes: number[];
  linkSizes: number[];
  linkNames: WirePath[];
  /** Directories on another filesystem that were not entered. */
  skipped: WirePath[];
  errIds: number[];
  errMsgs: string[];
  /** Where the worker is (for progress). */
  path: string;
}

// The worker's answer to 'finish': its largest single-link files.
export interface WorkerLargest {
  t: 'largest';
  bytes: number[];
  sizes: number[];
  dirIds: number[];
  names: WirePath[];
}

// Entry point of a hotspot worker thread (see the file comment: self-contained on purpose).
export function hotspotWorkerMain(fs: typeof import('node:fs'), wt: typeof import('node:worker_threads')): void {
  const port = wt.parentPort!;
  const setup = wt.workerData as WorkerSetup;
  const skip = new Set(setup.skip);
  const S_IFMT = 0o170000;
  const S_IFDIR = 0o040000;
  const SLASH = Buffer.from('/');
  const REPLACEMENT = '\uFFFD';

  let out = fresh();
  let sinceCheck = 0;
  let lastPost = performance.now();
  // Largest single-link files: parallel arrays, with the index of the smallest kept.
  const top = { bytes: [] as number[], sizes: [] as number[], dirIds: [] as number[], names: [] as WirePath[], min: 0 };

  function fresh(): WorkerBatch {
    return {
      t: 'batch', idle: false, dirIds: [], fileBytes: [], entries: [], subParents: [], subPaths: [], subBytes: [],
      linkDirs: [], linkInos: [], linkBytes: [], linkSizes: [], linkNames: [], skipped: [], errIds: [], errMsgs: [], path: '',
    };
  }

  function post(idle: boolean, where: WirePath): void {
    out.idle = idle;
    out.path = typeof where === 'string' ? where : Buffer.from(where).toString();
    port.postMessage(out);
    out = fresh();
    lastPost = performance.now();
  }

  function describe(e: NodeJS.ErrnoException): string {
    switch (e.code) {
      case 'EACCES':
      case 'EPERM':
        return `cannot read directory: permission denied (${e.code})`;
      case 'ENOENT':
        return 'vanished during the scan (ENOENT)';
      case 'ENOTDIR':
        return 'replaced by a non-directory during the scan (ENOTDIR)';
      case 'EIO':
        return 'cannot read directory: I/O error (EIO)';
      default:
        return `cannot read directory: ${e.message}`;
    }
  }

  function offerLargest(bytes: number, size: number, dirId: number, name: WirePath): void {
    const n = top.bytes.length;
    if (n < setup.topFiles) {
      top.bytes.push(bytes);
      top.sizes.push(size);
      top.dirIds.push(dirId);
      top.names.push(name);
      if (n === 0 || bytes < top.bytes[top.min]) top.min = n;
      return;
    }
    if (n === 0 || bytes <= top.bytes[top.min]) return;
    const i = top.min;
    top.bytes[i] = bytes;
    top.sizes[i] = size;
    top.dirIds[i] = dirId;
    top.names[i] = name;
    let m = 0;
    for (let k = 1; k < n; k++) if (top.bytes[k] < top.bytes[m]) m = k;
    top.min = m;
  }

  // Scans one directory's entries; returns true when some names were not valid UTF-8 (string
  // readdir shows them with U+FFFD and lstat cannot find them), to be read again as bytes.
  function scanDir(id: number, dirPath: WirePath, onlyReplaced: boolean): boolean {
    const asBytes = typeof dirPath !== 'string';
    const dirBytes = asBytes ? Buffer.from(dirPath) : onlyReplaced ? Buffer.from(dirPath) : undefined;
    let dir: import('node:fs').Dir;
    try {
      dir = onlyReplaced || asBytes
        ? fs.opendirSync(dirBytes as unknown as string, { bufferSize: 1024, encoding: 'buffer' as BufferEncoding })
        : fs.opendirSync(dirPath as string, { bufferSize: 1024 });
    } catch (e) {
      out.errIds.push(id);
      out.errMsgs.push(describe(e as NodeJS.ErrnoException));
      return false;
    }
    let fileBytes = 0;
    let entries = 0;
    let replaced = false;
    let statFailures = 0;
    let statError = '';
    const flush = () => {
      if (fileBytes || entries) {
        out.dirIds.push(id);
        out.fileBytes.push(fileBytes);
        out.entries.push(entries);
      }
      fileBytes = 0;
      entries = 0;
    };
    try {
      for (;;) {
        const d = dir.readSync() as unknown as { name: string | Buffer } | null;
        if (d === null) break;
        let full: WirePath;
        let name: WirePath;
        if (onlyReplaced || asBytes) {
          const raw = d.name as Buffer;
          if (onlyReplaced) {
            const text = raw.toString();
            if (!text.includes(REPLACEMENT)) continue; // done in the text pass
          }
          name = Buffer.from(raw);
          full = Buffer.concat([dirBytes!, SLASH, raw]);
        } else {
          name = d.name as string;
          if (name.includes(REPLACEMENT)) {
            replaced = true;
            continue;
          }
          full = dirPath === '/' ? '/' + name : (dirPath as string) + '/' + name;
          if (skip.size && skip.has(full)) {
            out.skipped.push(full);
            continue;
          }
        }
        let st: import('node:fs').Stats | undefined;
        try {
          st = fs.lstatSync(full as string, { throwIfNoEntry: false });
        } catch (e) {
          statFailures++;
          statError ||= (e as NodeJS.ErrnoException).code ?? 'error';
          continue;
        }
        if (st === undefined) continue; // deleted between readdir and lstat
        if (st.dev !== setup.rootDev) {
          if ((st.mode & S_IFMT) === S_IFDIR) out.skipped.push(full);
          continue;
        }
        const bytes = st.blocks * 512;
        if ((st.mode & S_IFMT) === S_IFDIR) {
          entries++;
          out.subParents.push(id);
          out.subPaths.push(full);
          out.subBytes.push(bytes);
        } else if (st.nlink > 1) {
          out.linkDirs.push(id);
          out.linkInos.push(st.ino);
          out.linkBytes.push(bytes);
          out.linkSizes.push(st.size);
          out.linkNames.push(name);
        } else {
          fileBytes += bytes;
          entries++;
          offerLargest(bytes, st.size, id, name);
        }
        // Now and then: hand over subdirectories early (other workers can start on them), keep
        // messages small, and report progress from inside a huge directory.
        if ((++sinceCheck & 1023) === 0 && (out.subPaths.length >= 2048 || out.linkDirs.length >= 8192 || performance.now() - lastPost >= setup.progressMs)) {
          flush();
          post(false, dirPath);
        }
      }
    } catch (e) {
      out.errIds.push(id);
      out.errMsgs.push(describe(e as NodeJS.ErrnoException));
    } finally {
      try {
        dir.closeSync();
      } catch {
        // already closed
      }
    }
    flush();
    if (statFailures) {
      out.errIds.push(id);
      out.errMsgs.push(`${statFailures} entries could not be examined (${statError})`);
    }
    return replaced;
  }

  port.on('message', (m: ToWorker) => {
    if (m.t === 'finish') {
      const msg: WorkerLargest = { t: 'largest', bytes: top.bytes, sizes: top.sizes, dirIds: top.dirIds, names: top.names };
      port.postMessage(msg);
      return;
    }
    let last: WirePath = '';
    for (let i = 0; i < m.ids.length; i++) {
      last = m.paths[i];
      if (scanDir(m.ids[i], m.paths[i], false)) scanDir(m.ids[i], m.paths[i], true);
    }
    post(true, last);
  });
}

// The eval source of a worker thread: the function above applied to node's modules.
export function hotspotWorkerSource(): string {
  return callSource(hotspotWorkerMain, "require('node:fs')", "require('node:worker_threads')");
}
