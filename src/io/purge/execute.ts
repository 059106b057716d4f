import fs from 'node:fs';
import { purgeStamp } from '../../core/purge/aside.js';
import { FirstLastNames } from '../../core/purge/names.js';
import { etaSeconds, RateMeter, type PurgePhase } from '../../core/purge/progress.js';
import type { PurgeOutcome } from '../../core/purge/result.js';
import type { Inspection, PurgeDeps, PurgeRequest } from './inspect.js';
import { countTree } from './count.js';
import { swapInFreshDir, restoreMissingDir } from './swap.js';
import { postsuperDeleteAll } from '../postfix/postsuper.js';
import { unlinkTree } from '../walk/unlink-tree.js';

// Carries out a plan: swap (or restore a DIR an interrupted run left missing), in place, or
// postsuper; then deletes every set-aside copy. Streams, reports progress, stops on abort.

interface Unit {
  path: string;
  shown: string;
  expect: { dev: number; ino: number };
  removeTop: boolean;
  /** Entries inside, when the plan counted them (else counted right before deleting, for the ETA). */
  total?: number;
}

// Runs the plan. Returns what happened as data; only programming errors throw.
export async function executePurge(ins: Inspection, req: PurgeRequest, deps: PurgeDeps): Promise<PurgeOutcome> {
  const { plan } = ins;
  const t0 = deps.now();
  const names = new FirstLastNames<Buffer>(20);
  const out: PurgeOutcome = {
    strategyUsed: plan.strategy.strategy,
    removed: 0,
    bytes: 0,
    errors: 0,
    skipped: 0,
    problems: [],
    aborted: false,
    firstRemoved: [],
    lastRemoved: [],
    startedAt: new Date().toISOString(),
    durationMs: 0,
    asides: [],
  };
  const stamp = purgeStamp(Date.now(), deps.pid);
  const emit = (phase: PurgePhase, where: string, done: number, total: number | undefined, bytes: number, rate: number) =>
    req.onProgress?.({ phase, where, done, total, bytesFreed: out.bytes + bytes, ratePerS: rate, etaS: etaSeconds(done, total, rate), elapsedMs: deps.now() - t0, dirBackInPlaceAfterMs: out.dirBackInPlaceAfterMs });
  const backInPlace = () => {
    out.dirBackInPlaceAfterMs = Math.round(deps.now() - t0);
    emit('swapping', plan.shownDir, 0, undefined, 0, 0);
  };
  const toDelete: Unit[] = [];
  const leftoverUnit = (l: Inspection['leftovers'][number]): Unit => ({ path: l.path, shown: req.paths.toSystem(l.path), expect: l, removeTop: true });
  const counted = plan.count?.entries;
  let inPlace: Unit | undefined = { path: plan.dir, shown: plan.shownDir, expect: plan.snapshot, removeTop: false, total: counted };
  const asides = ins.leftovers.filter((l) => l.kind === 'aside');
  const freshes = ins.leftovers.filter((l) => l.kind === 'fresh');

  if (plan.strategy.strategy === 'postsuper') {
    inPlace = undefined;
    await runPostsuper(ins, req, deps, out, emit);
    toDelete.push(...ins.leftovers.map(leftoverUnit));
  } else if (!plan.exists) {
    const [newest, ...older] = asides;
    const r = await restoreMissingDir(plan.dir, newest.path, freshes[0]?.path, deps.labels, stamp);
    if (r.ok) {
      backInPlace();
      inPlace = undefined;
      toDelete.push(...asides.map(leftoverUnit), ...freshes.filter((f) => fs.existsSync(f.path)).map(leftoverUnit));
    } else {
      fs.renameSync(newest.path, plan.dir);
      out.strategyUsed = 'in-place';
      out.fallback = { code: 'no-new-directory', why: r.failure };
      inPlace = { path: plan.dir, shown: plan.shownDir, expect: newest, removeTop: false };
      toDelete.push(...older.map(leftoverUnit), ...freshes.map(leftoverUnit));
    }
  } else {
    toDelete.push(...ins.leftovers.map(leftoverUnit));
    if (plan.strategy.strategy === 'swap' && !req.signal?.aborted) {
      const r = await swapInFreshDir(plan.dir, plan.snapshot, deps.labels, stamp);
      if (r.ok) {
        backInPlace();
        inPlace = undefined;
        toDelete.unshift({ path: r.asidePath!, shown: req.paths.toSystem(r.asidePath!), expect: plan.snapshot, removeTop: true, total: counted });
      } else {
        out.strategyUsed = 'in-place';
        out.fallback = { code: 'swap-not-possible', why: r.failure! };
      }
    }
  }

  const units = inPlace ? [inPlace, ...toDelete] : toDelete;
  for (const u of units) {
    if (out.aborted || out.stoppedBecause) {
      if (u.removeTop) out.asides.push({ path: u.shown, removed: false });
      continue;
    }
    await deleteUnit(u, req, deps, out, names, emit);
  }
  out.firstRemoved = names.head();
  out.lastRemoved = names.tail();
  out.durationMs = Math.round(deps.now() - t0);
  return out;
}

type Emit = (phase: PurgePhase, where: string, done: number, total: number | undefined, bytes: number, rate: number) => void;

async function deleteUnit(u: Unit, req: PurgeRequest, deps: PurgeDeps, out: PurgeOutcome, names: FirstLastNames<Buffer>, emit: Emit): Promise<void> {
  const meter = new RateMeter();
  let total = u.total;
  if (total === undefined) {
    const c = await countTree(u.path, u.expect, { signal: req.signal, hooks: deps.hooks, onProgress: (n) => emit('counting', u.shown, n, undefined, 0, 0) });
    if (c.aborted) {
      out.aborted = true;
      if (u.removeTop) out.asides.push({ path: u.shown, removed: false });
      return;
    }
    total = c.entries;
  }
  const r = await unlinkTree(u.path, u.expect, {
    signal: req.signal,
    hooks: deps.hooks,
    removeTop: u.removeTop,
    onRemoved: (rel) => names.add(rel),
    onProgress: (s) => emit('deleting', u.shown, s.removed, total, s.bytes, meter.sample(deps.now(), s.removed)),
  });
  out.removed += r.removed;
  out.bytes += r.bytes;
  out.errors += r.errors;
  out.skipped += r.skipped;
  out.aborted ||= r.aborted;
  out.stoppedBecause ??= r.stoppedBecause;
  for (const p of r.problems) if (out.problems.length < 20) out.problems.push({ ...p, where: u.shown });
  if (u.removeTop) out.asides.push({ path: u.shown, removed: r.topRemoved });
}

async function runPostsuper(ins: Inspection, req: PurgeRequest, deps: PurgeDeps, out: PurgeOutcome, emit: Emit): Promise<void> {
  const { plan, settings } = ins;
  const meter = new RateMeter();
  let total = plan.count?.entries;
  if (total === undefined) {
    const c = await countTree(plan.dir, plan.snapshot, { signal: req.signal, hooks: deps.hooks });
    total = c.entries;
  }
  const r = await postsuperDeleteAll({
    configDir: settings.configDir,
    queue: plan.target.queueName!,
    statfsPath: plan.dir,
    signal: req.signal,
    total,
    onProgress: (n) => emit('postsuper', plan.shownDir, n, total, 0, meter.sample(deps.now(), n)),
    run: deps.run,
  });
  out.postsuper = r;
  out.removed = r.deleted ?? 0;
  out.aborted = r.aborted;
  if (!r.ok && !r.aborted) out.stoppedBecause = { code: 'postsuper-failed', why: r.failure };
}
