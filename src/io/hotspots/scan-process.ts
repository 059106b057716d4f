// The scan process: a second node process that reads whole subtrees of a scan (the CLI's or the
// walk's). On a tree of many small directories a second *thread* buys little (measured: main
// thread plus worker 0.49-0.56 s on 110,000 entries at depth 50, one thread 0.38-0.51 s): the
// threads of one process share its descriptor table and working directory, and a worker cannot
// chdir, so it lstats long paths. A process of its own reads from inside each directory like the
// main thread (two processes: 0.31-0.35 s, both node start-ups included, against du's 0.28 s).
// It runs `node -e` from the source text of the functions below (in the single executable,
// process.execPath is the tool, whose main runs that shape the same way), so these functions must
// stay self-contained. The process is started early by a small bootstrap (scan-process-launch.ts)
// and gets this program as its first message.
import { callSource } from '../system/eval-source.js';
import { launchScanProcess, takePrestarted, type ScanProcess } from './scan-process-launch.js';
import type { FromWorker, ToScanProcess, WirePath } from './protocol.js';
import { createInsideScanner } from './main-scan.js';
import { createDirScanner, createLargestFiles, emptyBatch } from './worker-scan.js';
import { createFastLstat } from './fast-lstat.js';

// Entry point of the scan process: 'setup' first, then each 'dirs' message is read to the bottom of
// every subtree it names (small subdirectories are kept and read depth first; big ones and names
// that are not UTF-8 go back to be queued), reported in batches; 'finish' sends its largest files.
function scanProcessMain(
  nodeFs: typeof import('node:fs'),
  inside: typeof createInsideScanner,
  dirScanner: typeof createDirScanner,
  fastLstat: typeof createFastLstat,
  largestFiles: typeof createLargestFiles,
  fresh: typeof emptyBatch,
): void {
  const send = (m: FromWorker) => process.send!(m);
  let scan: ReturnType<typeof createInsideScanner> | undefined;
  let top: ReturnType<typeof createLargestFiles> | undefined;
  let progressMs = 100;
  // What is left to read: directories from 'dirs' messages and those kept on the way down, the
  // last pushed read first. Read in slices, so a 'giveBack' can arrive in between.
  const todo: { id: number; path: WirePath; size: number }[] = [];
  let reading = false;
  let last = 0;
  // a partial batch goes when progress is due or the batch is big
  const sendIfDue = (s: ReturnType<typeof createInsideScanner>) => {
    if (s.pending() < 4096 && Date.now() - last < progressMs) return;
    send(s.take());
    last = Date.now();
  };
  const read = () => {
    const s = scan!;
    const until = Date.now() + 5;
    while (todo.length > 0 && Date.now() < until) {
      const d = todo.pop()!;
      s.scanDir(d.id, d.path, d.size);
      for (let k = s.takeKept(); k !== undefined; k = s.takeKept()) todo.push(k);
      sendIfDue(s);
    }
    if (todo.length > 0) return void setImmediate(read);
    reading = false;
    const b = s.take();
    b.idle = true;
    send(b);
    last = Date.now();
  };
  process.on('message', (m: ToScanProcess) => {
    if (m.t === 'setup') {
      progressMs = m.setup.progressMs;
      top = largestFiles(m.setup.topFiles);
      scan = inside(nodeFs, { ...m.setup, keepChild: 'all' }, top.offer, dirScanner, fastLstat, fresh);
      return;
    }
    if (m.t === 'finish') {
      send({ t: 'largest', ...top!.kept });
      return;
    }
    if (m.t === 'giveBack') {
      // every other directory still to read, from the shallowest (the biggest subtrees); the
      // batch first, as it tells the parent the ids of the kept ones
      const back: { t: 'returned'; ids: number[]; paths: WirePath[]; sizes: number[] } = { t: 'returned', ids: [], paths: [], sizes: [] };
      if (todo.length >= 2) {
        send(scan!.take());
        let kept = 0;
        for (let i = 0; i < todo.length; i++) {
          if (i % 2 === 0) {
            back.ids.push(todo[i].id);
            back.paths.push(todo[i].path);
            back.sizes.push(todo[i].size);
          } else todo[kept++] = todo[i];
        }
        todo.length = kept;
      }
      send(back);
      return;
    }
    if (m.t === 'names') {
      // not sent to this process (it takes small directories); read as one directory's part
      scan!.scanNames(m.id, m.dir, m.names);
      for (let k = scan!.takeKept(); k !== undefined; k = scan!.takeKept()) todo.push(k);
    } else if (m.t === 'dirs') for (let i = m.ids.length - 1; i >= 0; i--) todo.push({ id: m.ids[i], path: m.paths[i], size: m.sizes[i] });
    last = Date.now();
    if (!reading) {
      reading = true;
      read();
    }
  });
  send({ t: 'ready' });
}

// The `node -e` source of the scan process.
function scanProcessSource(): string {
  const helpers = [createInsideScanner, createDirScanner, createFastLstat, createLargestFiles, emptyBatch];
  return callSource(scanProcessMain, helpers, "require('node:fs')", ...helpers.map((h) => h.name));
}

// Starts the scan process (or adopts the one the CLI started early) and gives it its program;
// undefined when it cannot be started at once (the scan then does without).
export function startScanProcess(nodePath?: string): ScanProcess | undefined {
  const p = (nodePath === undefined ? takePrestarted() : undefined) ?? launchScanProcess(nodePath);
  p?.adopt(scanProcessSource());
  return p;
}
