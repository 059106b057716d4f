import { CliError } from '../../core/cli-error.js';
import type { DirectoryPager, HotspotScan, Ports } from '../ports.js';
import type { Action, ProgressOf, Request, ResultOf } from '../state/requests.js';

// Performs the reducer's requests against the ports: one AbortController per long task, progress
// throttled to what a screen can show, every outcome (value, error, stop) sent back as an action
// with the request's token. Never throws: a failure is an action with a one-line error.

export interface RunnerOptions {
  /** Least time between two progress actions of one task (default 100 ms). */
  progressEveryMs?: number;
  now?: () => number;
}

// The runner of one walk; dispose() stops everything still running (quit, crash, unmount).
export interface Runner {
  run(req: Request): void;
  dispose(): void;
  /** Tasks still running (for tests and the exit path). */
  active(): number;
  /** Resolves when every started task has finished (a stopped purge puts DIR back first). */
  settled(): Promise<void>;
}

// One line for the operator from whatever a port threw.
export function errorLine(e: unknown): string {
  if (e instanceof CliError) return e.message;
  if (e instanceof Error) return e.message.split('\n')[0];
  return String(e);
}

// Where a scan of a filesystem starts: under --root, the rescued tree when the mount holds it.
export function scanStart(mount: string, root: string | undefined): string {
  if (!root) return mount;
  const inside = mount === '/' || root === mount || root.startsWith(mount.endsWith('/') ? mount : mount + '/');
  return inside ? root : mount;
}

// Builds the runner for a set of ports; dispatch receives every answer.
export function createRunner(ports: Ports, dispatch: (a: Action) => void, opts: RunnerOptions = {}): Runner {
  const every = opts.progressEveryMs ?? 100;
  const now = opts.now ?? Date.now;
  const controllers = new Map<number, AbortController>();
  const pagers = new Map<number, DirectoryPager>();
  const inflight = new Set<Promise<unknown>>();
  let lastScan: HotspotScan | undefined;
  let disposed = false;

  const send = (a: Action) => {
    if (!disposed) dispatch(a);
  };

  function progress<K extends keyof ProgressOf>(kind: K, token: number): (p: ProgressOf[K]) => void {
    let last = -Infinity;
    return (p) => {
      const t = now();
      if (t - last < every) return;
      last = t;
      send({ type: 'progress', kind, token, progress: p } as Action);
    };
  }

  // Runs one async job: done, failed, or aborted when its signal fired.
  function task<K extends Request['kind']>(kind: K, token: number, job: (signal: AbortSignal) => Promise<ResultOf[K]>): void {
    const controller = new AbortController();
    controllers.set(token, controller);
    let promise: Promise<ResultOf[K]>;
    try {
      promise = job(controller.signal);
    } catch (e) {
      promise = Promise.reject(e);
    }
    const settled = promise
      .then(
        (value) => send({ type: 'done', kind, token, value, atMs: now() } as Action),
        (e: unknown) => {
          if (controller.signal.aborted) send({ type: 'aborted', kind, token, atMs: now() });
          else send({ type: 'failed', kind, token, error: errorLine(e), atMs: now() });
        },
      )
      .finally(() => {
        controllers.delete(token);
        inflight.delete(settled);
      });
    inflight.add(settled);
  }

  function run(req: Request): void {
    if (disposed) return;
    const { token } = req;
    switch (req.kind) {
      case 'loadDisks':
        return task('loadDisks', token, () => ports.disks.loadDisks());
      case 'mailPaths':
        return task('mailPaths', token, () => ports.mailPaths.list());
      case 'scan':
        return task('scan', token, async (signal) => {
          const scan = await ports.hotspots.scan(scanStart(req.mount, ports.session.root), { signal, top: req.top, onProgress: progress('scan', token) });
          lastScan = scan;
          return scan.report;
        });
      case 'children':
        return task('children', token, () => (lastScan ? lastScan.children(req.path, req.by) : Promise.reject(new Error('no scan to drill into'))));
      case 'stat':
        return task('stat', token, () => ports.inside.stat(req.path));
      case 'openPager':
        return task('openPager', token, async () => {
          pagers.set(token, ports.inside.open(req.path));
          return true as const;
        });
      case 'nextPage': {
        const pager = pagers.get(req.pager);
        return task('nextPage', token, (signal) => (pager ? pager.next(req.count, signal) : Promise.reject(new Error('the directory is not open'))));
      }
      case 'closePager':
        pagers.get(req.pager)?.close();
        pagers.delete(req.pager);
        return;
      case 'count':
        return task('count', token, (signal) => ports.inside.scan(req.path, 0, { signal, onProgress: progress('count', token) }));
      case 'oldestNewest':
        return task('oldestNewest', token, (signal) => ports.inside.scan(req.path, req.k, { signal, onProgress: progress('oldestNewest', token) }));
      case 'destinations':
        return task('destinations', token, () => ports.evidence.destinations({ report: req.report, troubled: req.troubled, source: req.source, fileName: req.fileName }));
      case 'capture':
        return task('capture', token, (signal) => ports.evidence.capture.run(req.request, { signal, onProgress: progress('capture', token) }));
      case 'record':
        return task('record', token, () => ports.evidence.record(req.file, req.title, req.markdown));
      case 'purgePlan':
        return task('purgePlan', token, (signal) => ports.purge.plan(req.path, { signal, onProgress: progress('purgePlan', token), incidentFile: req.incidentFile }));
      case 'purgeExecute':
        return task('purgeExecute', token, (signal) => ports.purge.execute(req.review, { signal, onProgress: progress('purgeExecute', token), incidentFile: req.incidentFile }));
      case 'truncatePlan':
        return task('truncatePlan', token, () => ports.truncate.plan(req.path, req.incidentFile));
      case 'truncateExecute':
        return task('truncateExecute', token, (signal) => ports.truncate.execute(req.plan, { signal, incidentFile: req.incidentFile }));
      case 'prevention':
        return task('prevention', token, () => ports.summary.prevention());
      case 'maillogLook':
        return task('maillogLook', token, () => ports.maillog.look(req.files, req.width));
      case 'maillogPass':
        return task('maillogPass', token, (signal) => ports.maillog.pass(req.files, { signal, onProgress: progress('maillogPass', token) }));
      case 'preventPlan':
        return task('preventPlan', token, () => ports.summary.planFix(req.id, req.forwardRootTo));
      case 'preventApply':
        return task('preventApply', token, () => ports.summary.applyFix(req.review, req.incidentFile));
      case 'closing':
        return task('closing', token, () => ports.summary.closing(req.file, req.fixed));
      case 'abort':
        controllers.get(req.task)?.abort(new Error('stopped by the operator'));
        return;
    }
  }

  return {
    run,
    dispose() {
      if (disposed) return;
      for (const c of controllers.values()) c.abort(new Error('the walk ended'));
      for (const p of pagers.values()) p.close();
      pagers.clear();
      disposed = true;
    },
    active: () => controllers.size,
    settled: async () => {
      while (inflight.size) await Promise.allSettled([...inflight]);
    },
  };
}
