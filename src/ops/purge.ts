import path from 'node:path';
import { RefusedError } from '../core/cli-error.js';
import type { PlanWarning, PurgePlan } from '../core/purge/plan.js';
import type { PurgeProgress } from '../core/purge/progress.js';
import type { PurgeReport } from '../core/purge/report.js';
import { purgeFailures, type PurgeOutcome } from '../core/purge/result.js';
import { fail, type Failed } from '../core/purge/outcome.js';
import { accessRefusal, flagsRefusal, incidentInsideRefusal, postsuperCommandFor, postsuperProblem, runningPostfixRefusal, targetRefusal, usePostsuper } from '../core/purge/purge-rules.js';
import { postfixTableWarnings } from '../core/purge/snapshot.js';
import { chooseStrategy } from '../core/purge/strategy.js';
import { classifyTarget, pathIsSameOrUnder } from '../core/purge/target.js';
import { refuse, type Refused } from '../core/refusal.js';
import { fsUsageOf } from '../io/disks/fs-usage.js';
import { checkIncidentUsable } from '../io/incident/file.js';
import { hostPostfixMismatch } from '../io/postfix/check.js';
import { readPostfixSettings } from '../io/postfix/settings.js';
import { postfixState } from '../io/postfix/status.js';
import { purgeAccessFacts } from '../io/purge/access.js';
import { countTree } from '../io/purge/count.js';
import { executePurge } from '../io/purge/execute.js';
import { finishPurge } from '../io/purge/finish.js';
import { hostDirOf, isMountPoint, isRealDir, lstatDir, type Inspection, type PurgeDeps, type PurgeRequest } from '../io/purge/inspect.js';
import { safeRealpath } from '../io/paths/mail-path-tagger.js';
import { findLeftovers } from '../io/purge/leftovers.js';
import { takeSnapshot } from '../io/purge/snapshot.js';
import { loadIdDirectory } from '../io/system/account-names.js';
import { procFdAvailable } from '../io/walk/safe-walk.js';
import { purgeOpText } from './messages/purge.js';

// The purge use case, shared by `spoolrescue purge` and the walk: gather every fact the rails
// decide on (io/), let core/purge decide (refusals as data, nothing changed), count, and after
// the operator confirmed: execute, run postfix check, verify against the snapshot, record.

export type { PurgeDeps, PurgeRequest };

// A plan ready to be confirmed: what the operator reviews plus what the execution needs.
export interface PurgePlanned extends Inspection {
  request: PurgeRequest;
}

// How a purge ended: the outcome, the report (verification, postfix check, incident file) and
// what keeps it from being done (empty when it is).
export interface PurgeDone {
  outcome: PurgeOutcome;
  report: PurgeReport;
  failures: string[];
}

// The incident file must be appendable before anything is touched: a purge the operator wanted
// recorded must not run unrecorded.
function incidentProblem(file: string): Refused | Failed | null {
  try {
    checkIncidentUsable(file);
    return null;
  } catch (e) {
    const t = purgeOpText();
    if (e instanceof RefusedError) return refuse('incident-file-unusable', t.nothingChanged(e.message), e.hint);
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? t.noDirectory : err.code === 'EACCES' || err.code === 'EROFS' ? t.notWritable : err.message;
    return fail('incident-unwritable', t.incidentUnwritable(file, why), t.incidentHint);
  }
}

// Inspects DIR, applies the rails and counts: the plan to review, or why it is refused or failed.
export async function plan(req: PurgeRequest, deps: PurgeDeps): Promise<PurgePlanned | Refused | Failed> {
  const t = purgeOpText();
  if (!procFdAvailable()) return fail('no-proc', t.noProc, t.mountProc);
  const settings = await readPostfixSettings({ paths: req.paths, postfixConfig: req.postfixConfig });
  const where = hostDirOf(req.paths, req.dirArg);
  if ('root' in where) return refuse('root-directory', t.rootDirectory(req.dirArg));
  if ('unreachable' in where) return fail('unreachable', t.unreachable(req.paths.toSystem(where.parent), where.unreachable));
  const { dir } = where;
  const shownDir = req.paths.toSystem(dir);
  const { st, error } = lstatDir(dir);
  if (error) return fail('unreadable', t.unreadable(shownDir, error.message));
  const queueDirectory = safeRealpath(settings.queueDirectory);
  const parent = path.dirname(dir);
  const target = classifyTarget({
    dir,
    systemRoot: safeRealpath(req.paths.sys('/')),
    queueDirectory,
    mailSpoolDirectory: safeRealpath(settings.mailSpoolDirectory),
    postfixConfigDir: safeRealpath(settings.configDir),
    dataDirectory: safeRealpath(settings.dataDirectory),
    parentLooksLikeOtherQueue: parent !== queueDirectory && ['pid', 'public', 'maildrop'].every((d) => isRealDir(path.join(parent, d))),
  });
  const kind = { isSymlink: !!st?.isSymbolicLink(), isDirectory: !st || st.isDirectory(), target, anyDirectory: req.anyDirectory };
  // A symlink or a non-directory is told before anything else is looked at.
  if (kind.isSymlink || !kind.isDirectory) return targetRefusal(shownDir, kind)!;
  const leftovers = await findLeftovers(dir, req.signal);
  const asides = leftovers.filter((l) => l.kind === 'aside');
  if (!st && !asides.length) return fail('missing', t.missing(shownDir));
  const refusedTarget = targetRefusal(shownDir, kind);
  if (refusedTarget) return refusedTarget;
  const usage = fsUsageOf(st ? dir : parent, deps.readMounts());
  const ids = loadIdDirectory(req.paths);
  const snapshotOf = st ? dir : asides[0].path;
  const snapshot = await takeSnapshot(snapshotOf, deps.labels, ids);
  const stop = flagsRefusal(shownDir, snapshot.flags) ?? accessRefusal(req.paths.toSystem(snapshotOf), purgeAccessFacts(snapshotOf, usage));
  if (stop) return stop;
  const mounts = deps.readMounts();
  const mountsInside = mounts.filter((m) => m.mountPoint !== dir && pathIsSameOrUnder(m.mountPoint, dir)).map((m) => m.mountPoint);
  const parentUsage = fsUsageOf(parent, mounts);
  const state = await postfixState(
    { configDir: settings.configDir, queueDirectory: settings.queueDirectory, postfixInstalled: settings.postfixInstalled, rooted: req.paths.root !== undefined },
    { run: (p, a) => deps.run(p, a), proc: deps.proc },
  );
  const postsuperCommand = postsuperCommandFor(target, settings.configDir);
  const postsuper = usePostsuper(req.postsuper, postsuperCommand !== undefined, state.running);
  const strategy = chooseStrategy({
    dirIsMountPoint: isMountPoint(dir, st, mounts),
    mountsInside,
    parentInodesFree: parentUsage.inodesFree,
    parentBytesFree: parentUsage.freeBytes,
    label: snapshot.label,
    xattrs: snapshot.xattrs,
    flags: snapshot.flags,
    xattrsWritable: deps.labels.xattrsWritable,
    flagsWritable: deps.labels.flagsWritable,
    selinuxEnabled: deps.labels.selinuxEnabled,
    inPlaceRequested: req.inPlace,
    postsuperRequested: postsuper,
  });
  if (postsuper) {
    const mismatch = settings.postfixInstalled && postsuperCommand && st ? ((await hostPostfixMismatch(settings, { run: (p, a) => deps.run(p, a) })) ?? null) : null;
    const problem = postsuperProblem(shownDir, { target, exists: !!st, postfixInstalled: settings.postfixInstalled, mismatch, isQueue: postsuperCommand !== undefined });
    if (problem) return problem;
  }
  const running = runningPostfixRefusal(shownDir, { target, running: state.running, how: state.how, postsuper, configDir: settings.configDir, postsuperCommand });
  if (running) return running;
  const warnings: PlanWarning[] = [];
  if (req.incidentFile) {
    const problem = incidentProblem(req.incidentFile);
    if (problem) return problem;
    const inc = safeRealpath(req.incidentFile);
    const inside = incidentInsideRefusal(shownDir, req.incidentFile, pathIsSameOrUnder(inc, dir) || leftovers.some((l) => pathIsSameOrUnder(inc, l.path)));
    if (inside) return inside;
    if (fsUsageOf(inc, mounts).mount === usage.mount) warnings.push({ code: 'incident-same-filesystem', mount: usage.mount });
  }
  if (snapshot.label.state === 'unknown' && deps.labels.selinuxEnabled) warnings.push({ code: 'label-unreadable', why: snapshot.label.why });
  if (!st) warnings.push({ code: 'dir-missing' });
  const ownerIds = { mailOwner: settings.mailOwner, mailOwnerUid: ids.users.byName.get(settings.mailOwner), setgidGroup: settings.setgidGroup, setgidGid: ids.groups.byName.get(settings.setgidGroup) };
  const tableWarnings = target.kind === 'postfix-queue' ? postfixTableWarnings(target.queueName!, snapshot, ownerIds) : [];
  let count: PurgePlan['count'] = null;
  if (req.countFirst && st) {
    const t0 = deps.now();
    const c = await countTree(dir, snapshot, {
      signal: req.signal,
      withBytes: true,
      hooks: deps.hooks,
      onProgress: (entries, bytes) => req.onProgress?.({ phase: 'counting', done: entries, bytesFreed: bytes, ratePerS: 0, elapsedMs: deps.now() - t0, where: shownDir }),
    });
    if (c.aborted) return fail('stopped', t.stoppedCounting);
    count = { entries: c.entries, bytes: c.bytes, skipped: c.skipped, skippedCount: c.skippedCount };
  }
  const planned: PurgePlan = {
    dir,
    shownDir,
    target,
    exists: !!st,
    snapshot,
    snapshotOf: req.paths.toSystem(snapshotOf),
    tableWarnings,
    postfix: {
      configDir: req.paths.toSystem(settings.configDir),
      queueDirectory: req.paths.toSystem(settings.queueDirectory),
      installed: settings.postfixInstalled,
      settingsFrom: settings.source,
      running: state.running,
      how: state.how,
      pid: state.pid,
    },
    strategy,
    filesystem: { mount: usage.mount, fstype: usage.fstype, inodesFree: parentUsage.inodesFree, bytesFree: parentUsage.freeBytes },
    mountsInside,
    count,
    leftovers: leftovers.map((l) => ({ kind: l.kind, name: l.name, path: req.paths.toSystem(l.path) })),
    labelTools: deps.labels.tools,
    warnings,
    postsuperCommand: postsuper || (state.running && (target.kind === 'postfix-queue' || target.kind === 'postfix-queue-subdir')) ? postsuperCommand : undefined,
  };
  return { plan: planned, settings, leftovers, request: { ...req, postsuper } };
}

// Empties DIR as planned (progress, abort keeps partial results), then checks and records it.
export async function run(p: PurgePlanned, deps: PurgeDeps, onProgress?: (p: PurgeProgress) => void, signal?: AbortSignal): Promise<PurgeDone> {
  const req: PurgeRequest = { ...p.request, signal, onProgress };
  const outcome = await executePurge(p, req, deps);
  const report = await finishPurge(p, outcome, deps, req.incidentFile);
  return { outcome, report, failures: purgeFailures(outcome, report.verification, report.incident) };
}
