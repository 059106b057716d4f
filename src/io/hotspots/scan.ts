import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { CliError } from '../../core/cli-error.js';
import { baseName, HotspotIndex, joinPath, type PathPart } from '../../core/hotspots/index.js';
import { buildHotspotReport, pathText, type HotspotReport } from '../../core/hotspots/rank.js';
import type { MailTag } from '../../core/postfix/mail-paths.js';
import { mountsBelow, type MountEntry } from '../../core/disks/mountinfo.js';
import { LargestK } from '../../core/hotspots/top-k.js';
import { moveToFront } from '../../core/hotspots/move-to-front.js';
import { readMounts } from '../disks/fs-usage.js';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.js';
import { hotspotWorkerSource } from './worker.js';
import { checkStart } from './start.js';
import { moveBack, moveTo } from '../system/working-dir.js';
import { workerThreads } from '../system/node-modules-on-demand.js';
import { createMainThreadScanner } from './main-scan.js';
import { startScanProcess } from './scan-process.js';
import type { ScanProcess } from './scan-process-launch.js';
import { hotspotsIoText, scanErrorWords } from './messages.js';
import type { InvocationFlags } from '../../core/suggested-command.js';

// How far a scan has come, for a progress line or the walk's status bar.
export interface ScanProgress {
  /** Inodes counted so far (the final figure is du --inodes). */
  entries: number;
  /** Allocated bytes counted so far. */
  bytes: number;
  directories: number;
  /** Entries per second since the start. */
  rate: number;
  currentPath: string;
  elapsedMs: number;
}

// Knobs of a scan; all optional, the CLI and the walk set a few.
export interface HotspotScanOptions {
  signal?: AbortSignal;
  onProgress?: (p: ScanProgress) => void;
  /** At most one progress call per this many ms (default 100). */
  progressIntervalMs?: number;
  /** Rows per ranking and largest files kept (default 10). */
  top?: number;
  /** Worker threads (default: available cores, at most 4). */
  workers?: number;
  /** Tags mail paths in the report (createMailPathTagger). */
  tag?: (hostPath: string) => MailTag | undefined;
  /** Mount table (default: /proc/self/mountinfo). */
  mounts?: readonly MountEntry[];
  /** How long the filesystem of a network/FUSE start may take to answer (default 3000 ms). */
  probeTimeoutMs?: number;
  /** Called on the main thread right before directories go to a worker (tests race with it). */
  beforeDispatch?: (paths: readonly PathPart[]) => void;
  /** Move the process's working directory to the start for the scan (restored after): each lstat
   *  then walks a shorter relative path, ~15% less kernel time. Only for a process that does
   *  nothing else meanwhile (the CLI); relative paths used elsewhere would break. */
  chdir?: boolean;
  /** Program the scan process runs on (default: this node; tests give one that fails). */
  nodePath?: string;
  /** The scan process (scan-process.ts: with two workers or more, a process of its own reads whole
   *  subtrees of small directories from inside them, beside the CLI's main thread or the walk's
   *  worker threads; never with --export): 'auto' (default) when it is ready, 'off' never, 'first'
   *  the scan waits for it and fails when it cannot start (tests, and to see it work in the single
   *  executable). SPOOLRESCUE_SCAN_PROCESS sets it. */
  scanProcess?: ScanProcessMode;
  /** Global flags a command printed in a hint repeats (--root, --postfix-config). */
  invocation?: InvocationFlags;
  /** --export: spill files for the workers and where their fragments are noted (ncdu-export.ts). */
  exporter?: ScanExporter;
}

// What a scan tells an export while it runs: each directory's st_size (ncdu's asize) and where a
// worker spilled a directory's entries.
export interface ScanExporter {
  /** One open spill file per worker (as many as the scan's workers). */
  spillFds(workers: number): number[];
  onDir(id: number, size: number): void;
  onFragments(worker: number, ids: readonly number[], offsets: readonly number[], lengths: readonly number[]): void;
}

// When the scan process reads subtrees (HotspotScanOptions.scanProcess).
type ScanProcessMode = 'auto' | 'off' | 'first';

// The mode SPOOLRESCUE_SCAN_PROCESS asks for ('off' or 'first'), else 'auto'.
function scanProcessModeFromEnv(): ScanProcessMode {
  const asked = process.env.SPOOLRESCUE_SCAN_PROCESS;
  return asked === 'off' || asked === 'first' ? asked : 'auto';
}

// A finished scan: the report (rankings) and the per-directory index for drill-down.
export interface HotspotScan {
  report: HotspotReport;
  index: HotspotIndex;
  /** Worker threads the scan started (at most the workers asked for: the others were not needed). */
  workersStarted: number;
  /** Whether the scan process (scan-process.ts) read part of the tree. */
  processScanned: boolean;
}

const MAX_ERRORS = 1000;
// Another worker starts when directories wait and the scan has counted this many entries (about
// half a worker's start-up in scanning time): a tree smaller than that is done sooner by one.
const MORE_WORKERS_AFTER_ENTRIES = 10_000;
// With the main thread scanning from inside each directory (~10 ms of its work): the first
// worker's start then runs alongside the main thread's scan, and only a tree the main thread
// finishes before a worker would be ready is left without one.
const FIRST_WORKER_AFTER_MAIN_ENTRIES = 2_000;
// The main thread reads directories whose st_size is at most this (at most a few thousand
// entries: one never keeps it from the event loop long), at most MAIN_SLICE_DIRS directories and
// MAIN_SLICE_MS at a time, then lets the event loop run (progress, Ctrl-C, workers' messages).
const MAIN_DIR_MAX_SIZE = 64 * 1024;
const MAIN_SLICE_MS = 10;
// Shorter slices while the scan process is starting: its 'ready' is then seen sooner.
const MAIN_SLICE_MS_AWAITING_PROCESS = 3;
const MAIN_SLICE_DIRS = 16;

interface Slot {
  worker: Worker;
  busy: boolean;
}

// The scan process and what it is doing: it takes work once it said it is ready.
interface ProcessSlot {
  proc: ScanProcess;
  ready: boolean;
  busy: boolean;
  /** It was given work: from then on, losing it loses counts. */
  worked: boolean;
  /** A 'giveBack' is on its way. */
  asked: boolean;
}

// The mount table, or none when /proc is not mounted (a bare rescue shell): the scan still stays
// on its filesystem by st_dev, it only cannot skip mount points without looking at them.
function readMountsOrNone(): MountEntry[] {
  try {
    return readMounts();
  } catch {
    return [];
  }
}

// du-style scan of one filesystem from start: allocated bytes and inodes like du -sx -B1 and
// du -sx --inodes (hard links once, symlinks never followed, other filesystems never entered),
// ranked by what sits directly in each directory. Worker threads do synchronous readdir + lstat
// over batches of directories and the scan process reads whole subtrees of small ones; this
// thread only schedules, so a TUI can redraw meanwhile (with chdir, the CLI's case, it also scans
// small directories in short slices: main-scan.ts). Without chdir (the walk) the threads lstat
// every entry by its absolute path, which the process, reading from inside, does not.
// Unreadable directories become errors in the report. Rejects with signal.reason on abort.
export async function scan(start: string, o: HotspotScanOptions = {}): Promise<HotspotScan> {
  o.signal?.throwIfAborted();
  const t0 = performance.now();
  // bounded whatever the caller asks: each thread costs memory and a thread-pool slot
  const n = Math.min(Math.max(1, o.workers ?? Math.min(4, os.availableParallelism())), Math.min(16, 2 * os.availableParallelism()));
  // The scan process starts first: its node start-up (~70 ms) then runs alongside this one's set-up.
  const mode = o.scanProcess ?? scanProcessModeFromEnv();
  const wanted = !o.exporter && mode !== 'off' && (n >= 2 || mode === 'first');
  const proc: ProcessSlot | undefined = wanted ? withSlot(startScanProcess(o.nodePath)) : undefined;
  if (wanted && proc === undefined && mode === 'first') throw new CliError(hotspotsIoText().workerFailed(`spawn ${o.nodePath ?? process.execPath}`));
  let done = false;
  try {
    const result = await scanFrom(start, o, t0, n, proc, mode === 'first');
    done = true;
    return result;
  } finally {
    proc?.proc.stop(done);
  }
}

function withSlot(proc: ScanProcess | undefined): ProcessSlot | undefined {
  return proc && { proc, ready: false, busy: false, worked: false, asked: false };
}

async function scanFrom(start: string, o: HotspotScanOptions, t0: number, n: number, proc: ProcessSlot | undefined, processFirst: boolean): Promise<HotspotScan> {
  const mounts = o.mounts ?? readMountsOrNone();
  const { real, st, mount } = await checkStart(start, mounts, { timeoutMs: o.probeTimeoutMs, signal: o.signal, invocation: o.invocation });
  o.signal?.throwIfAborted();
  const previousCwd = o.chdir ? moveTo(real) : undefined;
  // With the working directory its own, the main thread scans too, from inside each directory
  // (main-scan.ts), and the workers get absolute paths; with --export only the workers scan.
  const onMain = previousCwd !== undefined && !o.exporter;
  const base: PathPart = previousCwd !== undefined && !onMain ? '.' : real;
  // Paths to and from workers are relative to the start when the scan moved there.
  const wire = (p: string) => (base === '.' ? path.relative(real, p) : p);
  const absolute = (p: PathPart): PathPart => (base !== '.' ? p : pathText(p) === '.' ? real : joinPath(real, p));
  // Every mount point below the start is skipped, bind mounts of this same filesystem included
  // (same st_dev, so only the mount table tells): their files live outside the scanned tree.
  const skip = [...new Set(mountsBelow(mounts, real).map((m) => wire(m.mountPoint)))];
  const top = o.top ?? 10;
  // With the main thread scanning, each worker goes on down a subdirectory of what it reads
  // (a deep chain costs it no round trip per level) and hands the others back.
  const setup: WorkerSetup = { rootDev: Number(st.dev), skip, topFiles: top, progressMs: 100, workers: n, keepChild: onMain };
  proc?.proc.send({ t: 'setup', setup });
  const index = new HotspotIndex(real, Number(st.blocks) * 512);
  const spills = o.exporter?.spillFds(n);
  o.exporter?.onDir(0, Number(st.size));
  // Workers start on demand: the first at once, each other one only when work is waiting that the
  // running ones cannot take, in a tree big enough (a thread's start is ~0.1 CPU-s of Node's
  // bootstrap: a small tree is done before a second one would be ready).
  const slots: Slot[] = [];
  const startWorker = (): Slot => {
    const slot = { worker: new (workerThreads().Worker)(hotspotWorkerSource(), { eval: true, workerData: { ...setup, exportFd: spills?.[slots.length] } }), busy: false };
    slots.push(slot);
    return slot;
  };
  if (!onMain) startWorker();
  const maxWorkers = onMain ? Math.max(1, n - 1) : n;

  const queueIds: number[] = [0];
  const queuePaths: PathPart[] = [base];
  const queueSizes: number[] = [Number(st.size)];
  // Chunks of names of huge directories, shared by the worker reading them: served first.
  const names: { id: number; dir: string; names: string }[] = [];
  const seenInodes = new Set<number>();
  const largest = new LargestK<{ path: PathPart; bytes: number; size: number }>(top);
  const skipped = new Set<string>();
  const skippedParts: PathPart[] = [];
  const errors: { path: PathPart; message: string }[] = [];
  let errorCount = 0;
  let entries = 1;
  let bytes = Number(st.blocks) * 512;
  let currentPath = real;
  let lastProgress = 0;
  const interval = o.progressIntervalMs ?? 100;

  const progress = (force: boolean) => {
    if (!o.onProgress) return;
    const now = performance.now();
    if (!force && now - lastProgress < interval) return;
    lastProgress = now;
    const elapsedMs = now - t0;
    o.onProgress({ entries, bytes, directories: index.size, rate: elapsedMs > 0 ? (entries * 1000) / elapsedMs : 0, currentPath, elapsedMs });
  };

  const main = onMain
    ? createMainThreadScanner(setup, (b, size, dirId, name) => {
        if (largest.wouldKeep(b)) largest.offer(b, { path: joinPath(index.path(dirId), name), bytes: b, size });
      })
    : undefined;
  // The index's ids of the directories each worker read on its own (setup.keepChild), at -x - 1
  // for the worker's own id x (-1, -2, ...), in keptIds[worker + 1] (the main thread is worker -1).
  // The scan process is worker n (threads are 0 to n - 1). Made up front and filled without holes,
  // so the scheduler's optimised code sees the same arrays from its first batch to its last.
  const PROCESS = n;
  const keptIds: number[][] = Array.from({ length: n + 2 }, () => []);
  // The index's id of a directory a worker (or the process) names: its own ids are negative.
  const idIn = (worker: number, x: number) => (x >= 0 ? x : keptIds[worker + 1][-x - 1]);
  const apply = (b: Extract<FromWorker, { t: 'batch' }>, worker: number) => {
    const kept = keptIds[worker + 1];
    const idOf = (x: number) => idIn(worker, x);
    // With the main thread scanning (from the queue's end), what a worker found goes to the
    // front, where workers take from: each side goes on down its own subtrees.
    const front = main !== undefined && worker >= 0 && b.subPaths.length > 0 ? queueIds.length : -1;
    // subdirectories first: the counts of this batch may be of one the worker kept
    for (let i = 0; i < b.subPaths.length; i++) {
      const p = b.subPaths[i];
      const id = index.add(idOf(b.subParents[i]), baseName(p), b.subBytes[i]);
      o.exporter?.onDir(id, b.subSizes[i]);
      bytes += b.subBytes[i];
      if (b.subKept[i] !== 0) {
        kept[-b.subKept[i] - 1] = id;
        continue;
      }
      queueIds.push(id);
      queuePaths.push(p);
      queueSizes.push(b.subSizes[i]);
    }
    if (front >= 0) {
      moveToFront(queueIds, front);
      moveToFront(queuePaths, front);
      moveToFront(queueSizes, front);
    }
    for (let i = 0; i < b.dirIds.length; i++) {
      index.addDirect(idOf(b.dirIds[i]), b.fileBytes[i], b.entries[i]);
      entries += b.entries[i];
      bytes += b.fileBytes[i];
    }
    for (let i = 0; i < b.linkInos.length; i++) {
      if (seenInodes.has(b.linkInos[i])) continue;
      seenInodes.add(b.linkInos[i]);
      const dir = idOf(b.linkDirs[i]);
      index.addDirect(dir, b.linkBytes[i], 1);
      entries += 1;
      bytes += b.linkBytes[i];
      if (largest.wouldKeep(b.linkBytes[i])) largest.offer(b.linkBytes[i], { path: joinPath(index.path(dir), b.linkNames[i]), bytes: b.linkBytes[i], size: b.linkSizes[i] });
    }
    for (const p of b.skipped) {
      const key = pathText(p);
      if (!skipped.has(key)) {
        skipped.add(key);
        skippedParts.push(absolute(p));
      }
    }
    for (let i = 0; i < b.errIds.length; i++) {
      const dir = idOf(b.errIds[i]);
      index.markIncomplete(dir);
      errorCount++;
      if (errors.length < MAX_ERRORS) errors.push({ path: index.path(dir), message: scanErrorWords(b.errMsgs[i], 'en') });
    }
    if (b.fragIds.length) o.exporter?.onFragments(worker, b.fragIds.map(idOf), b.fragOffsets, b.fragLengths);
    if (b.path) currentPath = pathText(absolute(b.path));
  };

  let onAbort: (() => void) | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      let finishing = 0;
      let failed = false;
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        reject(e);
      };
      onAbort = () => fail(o.signal!.reason ?? new Error('aborted'));
      o.signal?.addEventListener('abort', onAbort, { once: true });
      if (o.signal?.aborted) onAbort();
      // The main thread's turn: small directories and shared names until the slice is over.
      let mainBusy = false;
      const mainCanTake = () =>
        main !== undefined && !failed && !(processFirst && proc && !proc.ready) && (names.length > 0 || (queueIds.length > 0 && queueSizes[queueSizes.length - 1] <= MAIN_DIR_MAX_SIZE));
      const mainSlice = () => {
        const until = performance.now() + (proc !== undefined && !proc.ready ? MAIN_SLICE_MS_AWAITING_PROCESS : MAIN_SLICE_MS);
        try {
          for (let k = 0; k < MAIN_SLICE_DIRS && mainCanTake() && performance.now() < until; k++) {
            const chunk = names.shift();
            if (chunk) {
              main!.scanNames(chunk.id, chunk.dir, chunk.names);
              continue;
            }
            const p = queuePaths.pop()!;
            o.beforeDispatch?.([absolute(p)]);
            main!.scanDir(queueIds.pop()!, p, queueSizes.pop()!);
            // its subdirectories queued now: the next one taken is a child, entered by its name
            apply(main!.take(), -1);
          }
        } catch (e) {
          fail(e);
        }
        mainBusy = false;
        if (failed) return;
        apply(main!.take(), -1); // what shared names added
        progress(false);
        dispatch();
      };
      const assign = (slot: Slot) => {
        const chunk = names.shift();
        if (chunk) {
          slot.busy = true;
          slot.worker.postMessage({ t: 'names', ...chunk } satisfies ToWorker);
          return;
        }
        if (queueIds.length === 0) return;
        const k = Math.max(1, Math.min(64, Math.ceil(queueIds.length / (2 * n))));
        // the oldest (shallowest) when the main thread works through the newest, else the newest
        const from = main && queueSizes[queueSizes.length - 1] <= MAIN_DIR_MAX_SIZE ? 0 : queueIds.length - k;
        const ids = queueIds.splice(from, k);
        const paths = queuePaths.splice(from, k);
        const sizes = queueSizes.splice(from, k);
        o.beforeDispatch?.(paths.map(absolute));
        slot.busy = true;
        const msg: ToWorker = { t: 'dirs', ids, paths, sizes };
        slot.worker.postMessage(msg);
      };
      // The scan process takes whole subtrees: every other small directory waiting (the queue
      // runs from the shallowest, the biggest subtrees, to the newest: both sides get a mix).
      const assignProcess = (p: ProcessSlot) => {
        const ids: number[] = [];
        const paths: PathPart[] = [];
        const sizes: number[] = [];
        let turn = 0;
        let kept = 0;
        // one pass, the queue compacted in place: it can hold many thousands of directories
        for (let i = 0; i < queueIds.length; i++) {
          if (queueSizes[i] <= MAIN_DIR_MAX_SIZE && typeof queuePaths[i] === 'string' && turn++ % 2 === 0) {
            ids.push(queueIds[i]);
            paths.push(queuePaths[i]);
            sizes.push(queueSizes[i]);
            continue;
          }
          queueIds[kept] = queueIds[i];
          queuePaths[kept] = queuePaths[i];
          queueSizes[kept++] = queueSizes[i];
        }
        queueIds.length = queuePaths.length = queueSizes.length = kept;
        if (ids.length === 0) return;
        o.beforeDispatch?.(paths.map(absolute));
        p.busy = true;
        p.worked = true;
        p.proc.send({ t: 'dirs', ids, paths, sizes });
      };
      const dispatch = () => {
        for (const slot of slots) if (!slot.busy) assign(slot);
        if (proc?.ready && !proc.busy) assignProcess(proc);
        // every running worker busy and work still waiting: one more
        // (on the main thread's scan, the first one also when a big directory waits)
        const bigWaits = main !== undefined && queueIds.length > 0 && queueSizes[queueSizes.length - 1] > MAIN_DIR_MAX_SIZE;
        const enough = main !== undefined && slots.length === 0 ? FIRST_WORKER_AFTER_MAIN_ENTRIES : MORE_WORKERS_AFTER_ENTRIES;
        // with the scan process taking small directories, threads start for big ones only
        const smallWaits = proc === undefined && queueIds.length > 0 && entries >= enough;
        while (slots.length < maxWorkers && (names.length > 0 || bigWaits || smallWaits) && slots.every((x) => x.busy)) {
          const slot = startWorker();
          listen(slot, slots.length - 1);
          assign(slot);
        }
        if (!mainBusy && mainCanTake()) {
          mainBusy = true;
          setImmediate(mainSlice);
        }
        // the main thread (the walk: a worker thread) idle while the process reads: half of what
        // it still has comes back
        if (proc?.busy && !proc.asked && (main !== undefined ? !mainBusy : slots.some((x) => !x.busy)) && queueIds.length === 0 && names.length === 0) {
          proc.asked = true;
          proc.proc.send({ t: 'giveBack' });
        }
        if (queueIds.length === 0 && names.length === 0 && slots.every((s) => !s.busy) && !proc?.busy && !mainBusy && finishing === 0) {
          const asked = proc?.worked ? 1 : 0;
          if (slots.length + asked === 0) return resolve();
          finishing = slots.length + asked;
          for (const s of slots) s.worker.postMessage({ t: 'finish' } satisfies ToWorker);
          if (asked) proc!.proc.send({ t: 'finish' });
        }
      };
      // What a worker thread or the scan process sent.
      const received = (m: FromWorker, worker: number, idle: () => void) => {
        if (failed) return;
        if (m.t === 'ready') return;
        if (m.t === 'share') {
          names.push({ id: m.id, dir: m.dir, names: m.names });
          dispatch();
          return;
        }
        if (m.t === 'largest') {
          for (let i = 0; i < m.bytes.length; i++) {
            const dir = idIn(worker, m.dirIds[i]);
            if (largest.wouldKeep(m.bytes[i])) largest.offer(m.bytes[i], { path: joinPath(index.path(dir), m.names[i]), bytes: m.bytes[i], size: m.sizes[i] });
          }
          if (--finishing === 0) resolve();
          return;
        }
        if (m.t === 'returned') {
          for (let i = 0; i < m.ids.length; i++) {
            queueIds.push(idIn(worker, m.ids[i]));
            queuePaths.push(m.paths[i]);
            queueSizes.push(m.sizes[i]);
          }
          // nothing came back: asked again after its next batch, not at once
          if (proc && m.ids.length > 0) proc.asked = false;
          dispatch();
          return;
        }
        apply(m, worker);
        if (m.idle) idle();
        progress(false);
        if (m.idle || queueIds.length > 0) dispatch();
      };
      if (proc) {
        const p = proc;
        p.proc.onMessage((m) => {
          if (m.t === 'ready' && !failed) {
            p.ready = true;
            dispatch();
          }
          if (m.t === 'batch') p.asked = false;
          received(m, PROCESS, () => (p.busy = false));
        });
        // Gone before it was given work: the scan goes on without it. After: its counts are lost.
        p.proc.onGone((why) => {
          if (failed) return;
          if (p.worked || processFirst) return fail(new CliError(hotspotsIoText().workerFailed(why)));
          proc = undefined;
          dispatch();
        });
      }
      const listen = (slot: Slot, worker: number) => {
        slot.worker.on('message', (m: FromWorker) => received(m, worker, () => (slot.busy = false)));
        slot.worker.on('error', (e) => fail(new CliError(hotspotsIoText().workerFailed(e.message))));
        slot.worker.on('exit', (code) => {
          if (finishing === 0 || code !== 0) fail(new CliError(hotspotsIoText().workerStopped(code)));
        });
      };
      if (slots.length) listen(slots[0], 0);
      dispatch();
    });
  } finally {
    if (onAbort) o.signal?.removeEventListener('abort', onAbort);
    for (const s of slots) {
      s.worker.removeAllListeners('exit');
      void s.worker.terminate();
    }
    if (previousCwd !== undefined) moveBack(previousCwd);
  }
  progress(true);
  index.finish();
  const report = buildHotspotReport(
    index,
    {
      device: mount?.source ?? 'unknown',
      fstype: mount?.fstype ?? 'unknown',
      mount: mount?.mountPoint ?? '/',
      largest: largest.sorted(),
      skipped: skippedParts,
      errors,
      errorCount,
      elapsedMs: performance.now() - t0,
    },
    { top, tag: o.tag },
  );
  return { report, index, workersStarted: slots.length, processScanned: proc?.worked === true };
}
