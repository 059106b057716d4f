import fs from 'node:fs';
import path from 'node:path';
import { CliError, RefusedError, UsageError } from '../core/cli-error.js';
import { ExitCode } from '../core/exit-codes.js';
import type { MountEntry } from '../core/mountinfo.js';
import { POSTSUPER_QUEUES } from '../core/postfix-layout.js';
import type { PurgePlan } from '../core/purge-plan.js';
import type { PurgeProgress } from '../core/purge-progress.js';
import { postfixTableWarnings } from '../core/purge-snapshot.js';
import { chooseStrategy } from '../core/purge-strategy.js';
import { BLOCKING_FLAGS } from '../core/dir-attrs.js';
import { classifyTarget, pathIsSameOrUnder } from '../core/purge-target.js';
import type { SystemPaths } from '../core/system-paths.js';
import { fsUsageOf } from './fs-usage.js';
import { hostPostfixMismatch } from './postfix-check.js';
import { readPostfixSettings, type PostfixSettings } from './postfix-settings.js';
import { postfixState } from './postfix-status.js';
import { checkPurgeAccess } from './purge-access.js';
import { countTree } from './purge-count.js';
import { findLeftovers, type Leftover } from './purge-leftovers.js';
import { loadIdDirectory, takeSnapshot } from './purge-snapshot.js';
import type { CommandResult } from './run-command.js';
import type { WalkHooks } from './unlink-descend.js';
import type { LabelTools } from './xattr.js';

// Gathers every fact a purge decides on and turns them into the plan, refusing (exit 3, nothing
// changed) whatever the safety rails forbid. Reads only; never changes anything.

// What the operator asked for, as the CLI or the TUI passes it on.
export interface PurgeRequest {
  dirArg: string;
  paths: SystemPaths;
  postfixConfig?: string;
  anyDirectory: boolean;
  inPlace: boolean;
  postsuper: boolean;
  /** Host path of --incident. */
  incidentFile?: string;
  /** Count entries and bytes before acting (dry run, review before a typed confirmation). */
  countFirst: boolean;
  signal?: AbortSignal;
  onProgress?: (p: PurgeProgress) => void;
}

// The outside world a purge talks to; tests pass real parts with seams where races are provoked.
export interface PurgeDeps {
  labels: LabelTools;
  run: (program: string, args: readonly string[], signal?: AbortSignal) => Promise<CommandResult>;
  readMounts: () => MountEntry[];
  /** Host /proc (for master's comm and cwd). */
  proc?: string;
  hooks?: WalkHooks;
  /** Milliseconds since the process started (performance.now()). */
  now: () => number;
  pid: number;
}

// The plan plus the facts the execution needs that the plan does not show.
export interface Inspection {
  plan: PurgePlan;
  settings: PostfixSettings;
  leftovers: Leftover[];
}

const canonical = (p: string): string => {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

const isDir = (p: string) => fs.lstatSync(p, { throwIfNoEntry: false })?.isDirectory() === true;

function hostDirOf(req: PurgeRequest): string {
  const typed = req.paths.arg(req.dirArg);
  const parent = path.dirname(typed);
  if (typed === parent) throw new RefusedError(`spoolrescue purge: refused: ${req.dirArg} is the root directory`);
  let realParent: string;
  try {
    realParent = fs.realpathSync(parent);
  } catch (e) {
    throw new CliError(`spoolrescue purge: ${req.paths.toSystem(parent)} does not exist or cannot be reached (${(e as NodeJS.ErrnoException).code})`);
  }
  return path.join(realParent, path.basename(typed));
}

// The incident file must be appendable before anything is touched: a purge the operator wanted
// recorded must not run unrecorded.
function checkIncidentWritable(file: string, shown: string): void {
  const st = fs.lstatSync(file, { throwIfNoEntry: false });
  const fail = (why: string): never => {
    throw new CliError(`spoolrescue purge: cannot write the incident file ${shown}: ${why}; nothing was changed`, ExitCode.failed, 'Give a file on a filesystem with room (/dev/shm, /run, another disk).');
  };
  if (st && !st.isFile()) fail(st.isSymbolicLink() ? 'it is a symlink (never followed)' : 'it is not a regular file');
  try {
    fs.accessSync(st ? file : path.dirname(file), fs.constants.W_OK);
  } catch (e) {
    fail(`${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'its directory does not exist' : 'not writable'}`);
  }
}

// Inspects DIR and builds the plan; throws RefusedError/CliError for what must not or cannot be done.
export async function inspectPurge(req: PurgeRequest, deps: PurgeDeps): Promise<Inspection> {
  const settings = await readPostfixSettings({ paths: req.paths, postfixConfig: req.postfixConfig });
  const dir = hostDirOf(req);
  const shownDir = req.paths.toSystem(dir);
  const refuse = (why: string, hint?: string): never => {
    throw new RefusedError(`spoolrescue purge: refused: ${shownDir} ${why}; nothing was changed`, hint);
  };
  let st: fs.Stats | undefined;
  try {
    st = fs.lstatSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new CliError(`spoolrescue purge: cannot look at ${shownDir}: ${(e as Error).message}`);
  }
  if (st?.isSymbolicLink()) refuse('is a symlink (never followed)', 'Give the real directory if that is what you mean.');
  if (st && !st.isDirectory()) refuse('is not a directory');
  const leftovers = await findLeftovers(dir, req.signal);
  const asides = leftovers.filter((l) => l.kind === 'aside');
  if (!st && !asides.length) throw new CliError(`spoolrescue purge: ${shownDir} does not exist`);
  const queueDirectory = canonical(settings.queueDirectory);
  const parent = path.dirname(dir);
  const target = classifyTarget({
    dir,
    systemRoot: canonical(req.paths.sys('/')),
    queueDirectory,
    mailSpoolDirectory: canonical(settings.mailSpoolDirectory),
    postfixConfigDir: canonical(settings.configDir),
    dataDirectory: canonical(settings.dataDirectory),
    parentLooksLikeOtherQueue: parent !== queueDirectory && ['pid', 'public', 'maildrop'].every((d) => isDir(path.join(parent, d))),
  });
  if (target.refusal) refuse(`is ${target.description}: ${target.refusal}`);
  if (!target.allowedByDefault && !req.anyDirectory) {
    refuse(`is ${target.description}`, 'Purging a directory outside the Postfix queues and the mail spool needs --any-directory.');
  }
  const allowedBy = target.allowedByDefault ? target.description : '--any-directory';
  const usage = fsUsageOf(st ? dir : parent, deps.readMounts());
  const ids = loadIdDirectory(req.paths);
  const snapshotOf = st ? dir : asides[0].path;
  const snapshot = await takeSnapshot(snapshotOf, deps.labels, ids);
  const blocking = snapshot.flags.state === 'read' ? [...snapshot.flags.flags].filter((c) => BLOCKING_FLAGS[c]) : [];
  if (blocking.length) {
    refuse(`is ${blocking.map((c) => BLOCKING_FLAGS[c]).join(' and ')} (chattr +${blocking.join('')}): nothing inside it can be removed`, `If that is really meant to go, clear the flag first: chattr -${blocking.join('')} ${shownDir}`);
  }
  checkPurgeAccess(snapshotOf, req.paths.toSystem(snapshotOf), usage);
  const mounts = deps.readMounts();
  const mountsInside = mounts.filter((m) => m.mountPoint !== dir && pathIsSameOrUnder(m.mountPoint, dir)).map((m) => m.mountPoint);
  const dirIsMountPoint = !!st && (mounts.some((m) => m.mountPoint === dir) || st.dev !== fs.lstatSync(parent).dev);
  const parentUsage = fsUsageOf(parent, mounts);
  const state = await postfixState(
    { configDir: settings.configDir, queueDirectory: settings.queueDirectory, postfixInstalled: settings.postfixInstalled, rooted: req.paths.root !== undefined },
    { run: (p, a) => deps.run(p, a), proc: deps.proc },
  );
  const strategy = chooseStrategy({
    dirIsMountPoint,
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
    postsuperRequested: req.postsuper,
  });
  const isQueue = target.kind === 'postfix-queue' && POSTSUPER_QUEUES.includes(target.queueName!);
  const postsuperCommand = isQueue ? `postsuper -c ${settings.configDir} -d ALL ${target.queueName}` : undefined;
  if (req.postsuper) {
    if (!isQueue) throw new UsageError(`spoolrescue purge: --postsuper works on whole Postfix queues (${POSTSUPER_QUEUES.join(', ')}); ${shownDir} is ${target.description}`);
    if (!st) refuse('is missing after an interrupted run; rerun without --postsuper (with Postfix stopped) to restore it');
    if (!settings.postfixInstalled) throw new CliError('spoolrescue purge: --postsuper needs Postfix installed on this host (postsuper not found)');
    const mismatch = await hostPostfixMismatch(settings, { run: (p, a) => deps.run(p, a) });
    if (mismatch) throw new CliError(`spoolrescue purge: --postsuper cannot be used here: ${mismatch}`);
  }
  const postfixTarget = target.kind === 'postfix-queue' || target.kind === 'postfix-queue-subdir';
  if (postfixTarget && state.running && !req.postsuper) {
    const hint = postsuperCommand
      ? `Stop Postfix (postfix -c ${settings.configDir} stop) and rerun, or let Postfix delete the queue files: add --postsuper (runs ${postsuperCommand}).`
      : `Stop Postfix (postfix -c ${settings.configDir} stop) and rerun.`;
    refuse(`belongs to a running Postfix (${state.how}): deleting files under it would race with its daemons`, hint);
  }
  const warnings: string[] = [];
  if (req.incidentFile) {
    checkIncidentWritable(req.incidentFile, req.paths.toSystem(req.incidentFile));
    const inc = canonical(req.incidentFile);
    if (pathIsSameOrUnder(inc, dir) || leftovers.some((l) => pathIsSameOrUnder(inc, l.path))) refuse(`contains the incident file ${req.incidentFile}`, 'Write the incident file elsewhere (/dev/shm, /run, another disk).');
    if (fsUsageOf(inc, mounts).mount === usage.mount) warnings.push(`the incident file is on the filesystem being purged (${usage.mount}); it may not have room`);
  }
  if (snapshot.label.state === 'unknown' && deps.labels.selinuxEnabled) warnings.push(`DIR's SELinux label could not be read: ${snapshot.label.why}`);
  if (!st) warnings.push('DIR is missing: an earlier purge was interrupted between its two renames');
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
    if (c.aborted) throw new CliError('spoolrescue purge: stopped while counting; nothing was changed');
    count = { entries: c.entries, bytes: c.bytes, skipped: c.skipped, skippedCount: c.skippedCount };
  }
  const plan: PurgePlan = {
    dir,
    shownDir,
    target,
    allowedBy,
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
    labelTools: deps.labels.describe,
    warnings,
    postsuperCommand: req.postsuper || (state.running && postfixTarget) ? postsuperCommand : undefined,
  };
  return { plan, settings, leftovers };
}
