import fs from 'node:fs';
import path from 'node:path';
import type { MountEntry } from '../../core/disks/mountinfo.js';
import type { PurgePlan } from '../../core/purge/plan.js';
import type { PurgeProgress } from '../../core/purge/progress.js';
import type { SystemPaths } from '../../core/system-paths.js';
import type { PostfixSettings } from '../postfix/settings.js';
import type { Leftover } from './leftovers.js';
import type { CommandResult } from '../system/run-command.js';
import type { WalkHooks } from '../walk/safe-walk.js';
import type { LabelTools } from '../files/xattr.js';

// The shapes a purge is planned and executed with, and the small facts about DIR the plan reads
// (where it really is, what lstat says, whether it is a mount point). Reads only; decides nothing.

// What the operator asked for, as the CLI or the walk passes it on.
export interface PurgeRequest {
  dirArg: string;
  paths: SystemPaths;
  postfixConfig?: string;
  anyDirectory: boolean;
  inPlace: boolean;
  /** Let Postfix delete the queue (postsuper -d ALL); 'when-running': exactly when it runs. */
  postsuper: boolean | 'when-running';
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
  /** Milliseconds since the clock's zero (the process start for the CLI). */
  now: () => number;
  pid: number;
}

// The plan plus the facts the execution needs that the plan does not show.
export interface Inspection {
  plan: PurgePlan;
  settings: PostfixSettings;
  leftovers: Leftover[];
}

// True for a real directory (a symlink to one is not).
export function isRealDir(p: string): boolean {
  return fs.lstatSync(p, { throwIfNoEntry: false })?.isDirectory() === true;
}

// Where DIR really is on the host: its parent resolved (symlinks in the parent are followed,
// the last component never is); 'root' for /, or the parent's error code when it cannot be reached.
export function hostDirOf(paths: SystemPaths, dirArg: string): { dir: string } | { root: true } | { unreachable: string; parent: string } {
  const typed = paths.arg(dirArg);
  const parent = path.dirname(typed);
  if (typed === parent) return { root: true };
  try {
    return { dir: path.join(fs.realpathSync(parent), path.basename(typed)) };
  } catch (e) {
    return { unreachable: (e as NodeJS.ErrnoException).code ?? 'error', parent };
  }
}

// lstat of DIR: its stats, undefined when missing, or the error that kept it from being read.
export function lstatDir(dir: string): { st?: fs.Stats; error?: Error } {
  try {
    return { st: fs.lstatSync(dir) };
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? {} : { error: e as Error };
  }
}

// DIR is a mount point: listed in mountinfo, or on another device than its parent.
export function isMountPoint(dir: string, st: fs.Stats | undefined, mounts: MountEntry[]): boolean {
  return !!st && (mounts.some((m) => m.mountPoint === dir) || st.dev !== fs.lstatSync(path.dirname(dir)).dev);
}
