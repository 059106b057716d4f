// The scanning half of hotspots, run in worker threads: synchronous opendir/readdir + lstat over
// batches of directories (the fast way in node: a promise per lstat is 12x slower than du). The
// worker is started with eval from the functions' own source text (callSource), so the single
// bundled file and the TypeScript sources under test start it the same way. These functions must
// stay self-contained: no imports and no outside names, only parameters and JS/node globals.
import { callSource } from '../system/eval-source.js';
import type { ToWorker, WirePath, WorkerBatch, WorkerLargest, WorkerSetup, WorkerShare } from './protocol.js';
import { createFastLstat } from './fast-lstat.js';
import { latin1Name, ncduEntry, ncduName } from './export/ncdu-name.js';
import { createDirScanner, createLargestFiles, emptyBatch } from './worker-scan.js';

// Entry point of a hotspot worker thread: answers 'dirs' and 'names' with batches of counts,
// 'finish' with its largest files.
function hotspotWorkerMain(
  fs: typeof import('node:fs'),
  wt: typeof import('node:worker_threads'),
  scanner: typeof createDirScanner,
  largest: typeof createLargestFiles,
  fastLstat: typeof createFastLstat,
  exportLine: typeof ncduEntry,
  fresh: typeof emptyBatch,
): void {
  const port = wt.parentPort!;
  const setup = wt.workerData as WorkerSetup;
  let out = fresh();
  let lastPost = performance.now();
  const top = largest(setup.topFiles);
  // --export: the current directory's entries as ncdu lines, appended to this worker's spill file.
  const fd = setup.exportFd;
  let frag = '';
  let written = 0;
  const scan = scanner(fs, setup, {
    out: () => out,
    // Hand over subdirectories early (other workers can start on them), keep messages small,
    // and report progress from inside a huge directory.
    due: () => out.subPaths.length >= 2048 || out.linkDirs.length >= 8192 || frag.length >= 1 << 20 || performance.now() - lastPost >= setup.progressMs,
    post(idle: boolean, where: WirePath) {
      out.idle = idle;
      out.path = typeof where === 'string' ? where : Buffer.from(where).toString();
      port.postMessage(out);
      out = fresh();
      lastPost = performance.now();
    },
    share(id: number, dir: string, names: string) {
      const msg: WorkerShare = { t: 'share', id, dir, names };
      port.postMessage(msg);
    },
    offerLargest: top.offer,
    exportEntry: fd === undefined ? undefined : (name: WirePath, st: ArrayLike<number> | undefined) => {
      frag += exportLine(name, st);
    },
    exportFlush: fd === undefined ? undefined : (dirId: number) => {
      if (!frag) return;
      const length = fs.writeSync(fd, frag, null, 'latin1');
      out.fragIds.push(dirId);
      out.fragOffsets.push(written);
      out.fragLengths.push(length);
      written += length;
      frag = '';
    },
  }, fastLstat(fs, '/'));
  port.on('message', (m: ToWorker) => {
    if (m.t === 'finish') {
      const msg: WorkerLargest = { t: 'largest', ...top.kept };
      port.postMessage(msg);
      return;
    }
    let where: WirePath = '';
    // down the subdirectory the scanner kept, and its kept one, to the bottom (setup.keepChild)
    const goDown = () => {
      for (let k = scan.takeKept(); k !== undefined; k = scan.takeKept()) {
        where = k.path;
        scan.scanDir(k.id, k.path, k.size);
      }
    };
    if (m.t === 'names') {
      where = m.dir;
      scan.scanNames(m.id, m.dir, m.names);
      goDown();
    } else {
      for (let i = 0; i < m.ids.length; i++) {
        where = m.paths[i];
        scan.scanDir(m.ids[i], m.paths[i], m.sizes[i]);
        goDown();
      }
    }
    out.idle = true;
    out.path = typeof where === 'string' ? where : Buffer.from(where).toString();
    port.postMessage(out);
    out = fresh();
    lastPost = performance.now();
  });
}

// The eval source of a worker thread: the entry point applied to node's modules and its helpers.
export function hotspotWorkerSource(): string {
  const helpers = [createDirScanner, createLargestFiles, createFastLstat, ncduEntry, ncduName, latin1Name, emptyBatch];
  return callSource(hotspotWorkerMain, helpers, "require('node:fs')", "require('node:worker_threads')", createDirScanner.name, createLargestFiles.name, createFastLstat.name, ncduEntry.name, emptyBatch.name);
}
