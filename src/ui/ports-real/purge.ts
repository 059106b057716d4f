import fs from 'node:fs';
import path from 'node:path';
import { realPurgeDeps } from '../../commands/purge.js';
import { RefusedError } from '../../core/cli-error.js';
import { POSTSUPER_QUEUES } from '../../core/postfix-layout.js';
import { planLines } from '../../core/purge-plan.js';
import { purgeSummaryLines } from '../../core/purge-report.js';
import { purgeFailures } from '../../core/purge-result.js';
import type { SystemPaths } from '../../core/system-paths.js';
import { readPostfixSettings } from '../../io/postfix-settings.js';
import { postfixState } from '../../io/postfix-status.js';
import { executePurge } from '../../io/purge-execute.js';
import { finishPurge } from '../../io/purge-finish.js';
import { inspectPurge, type Inspection, type PurgeDeps, type PurgeRequest } from '../../io/purge-inspect.js';
import { procFdAvailable } from '../../io/unlink-descend.js';
import type { PurgePort, PurgeReview } from '../ports.js';

// Purge on the purge core, in the order `spoolrescue purge` follows: inspect and count (the plan
// the operator reviews), then, after the typed name, execute, postfix check, verify against the
// snapshot and record in the incident file. A queue of a running Postfix is planned with
// postsuper -d ALL (Postfix deletes its own files); anything the rails forbid is a refusal.

const canonical = (p: string): string => {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

// True when DIR is a whole queue of a Postfix that runs now: the purge goes through postsuper.
async function postsuperNeeded(dir: string, paths: SystemPaths, postfixConfig: string | undefined, deps: PurgeDeps): Promise<boolean> {
  const settings = await readPostfixSettings({ paths, postfixConfig });
  const isQueue = POSTSUPER_QUEUES.includes(path.basename(dir)) && canonical(path.dirname(dir)) === canonical(settings.queueDirectory);
  if (!isQueue) return false;
  const state = await postfixState(
    { configDir: settings.configDir, queueDirectory: settings.queueDirectory, postfixInstalled: settings.postfixInstalled, rooted: paths.root !== undefined },
    { run: (p, a) => deps.run(p, a), proc: deps.proc },
  );
  return state.running;
}

// The purge port for a run of the walk; deps are the CLI's (tests may pass their own).
export function purgePort(paths: SystemPaths, postfixConfig?: string, deps: PurgeDeps = realPurgeDeps()): PurgePort {
  const inspected = new WeakMap<PurgeReview, { ins: Inspection; req: PurgeRequest }>();
  return {
    async plan(dir, o) {
      const name = path.basename(dir);
      const refused = (refusal: string): PurgeReview => ({ target: dir, name, lines: [], entries: null, refusal });
      if (!procFdAvailable()) return refused('/proc is not mounted: the purge needs /proc/self/fd to walk directories safely (mount -t proc proc /proc)');
      const req: PurgeRequest = {
        dirArg: dir,
        paths,
        postfixConfig,
        anyDirectory: false,
        inPlace: false,
        postsuper: await postsuperNeeded(dir, paths, postfixConfig, deps),
        incidentFile: o.incidentFile,
        countFirst: true,
        signal: o.signal,
        onProgress: o.onProgress,
      };
      let ins: Inspection;
      try {
        ins = await inspectPurge(req, deps);
      } catch (e) {
        if (e instanceof RefusedError) return refused(`${e.message.replace(/^spoolrescue purge: (refused: )?/, '')}${e.hint ? `. ${e.hint}` : ''}`);
        throw e;
      }
      const review: PurgeReview = { target: dir, name, lines: planLines(ins.plan).slice(1), entries: ins.plan.count?.entries ?? null };
      inspected.set(review, { ins, req });
      return review;
    },

    async execute(review, o) {
      const planned = inspected.get(review);
      if (!planned) throw new Error('this plan was not made here; make the plan again');
      const { ins } = planned;
      const req: PurgeRequest = { ...planned.req, signal: o.signal, onProgress: o.onProgress };
      // The core times from its clock's zero (the CLI's start); the walk starts long before the
      // purge, so its clock starts with the purge ("DIR was back in place 0.2 s after start").
      const t0 = deps.now();
      const outcome = await executePurge(ins, req, { ...deps, now: () => deps.now() - t0 });
      const report = await finishPurge(ins, outcome, deps, o.incidentFile);
      const failures = purgeFailures(outcome, report.verification, report.incident);
      return {
        ok: failures.length === 0,
        aborted: outcome.aborted,
        removed: outcome.removed,
        bytesFreed: outcome.bytes,
        seconds: outcome.durationMs / 1000,
        lines: purgeSummaryLines(report),
        failures,
      };
    },
  };
}
