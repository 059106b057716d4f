import fs from 'node:fs';
import path from 'node:path';
import { CliError, RefusedError, UsageError } from '../../core/cli-error.js';
import { escapeName } from '../../core/text/escape-name.js';
import { kindOfMode, type EntryKind } from '../../core/listing/entry.js';
import type { SystemPaths } from '../../core/system-paths.js';
import { spoolrescueCommand, type InvocationFlags } from '../../core/suggested-command.js';

// The directory a listing will open, and the symlink that led there when --follow was given.
export interface ListingTarget {
  /** Host path of the directory. */
  dir: string;
  /** Host path of the link the operator named and its target as written, when one was followed. */
  symlink: { path: string; target: string } | null;
}

// How DIR is checked: path mapping for --root, --follow, and the prefix of messages.
export interface TargetOptions {
  paths: SystemPaths;
  follow: boolean;
  /** Prefix of messages, e.g. "spoolrescue ls". */
  where: string;
  /** Global flags a printed command repeats (default: --root only). */
  invocation?: InvocationFlags;
}

const KIND_WORDS: Record<EntryKind, string> = {
  file: 'a regular file',
  dir: 'a directory',
  symlink: 'a symbolic link',
  fifo: 'a named pipe (FIFO)',
  socket: 'a socket',
  char: 'a character device',
  block: 'a block device',
  unknown: 'not a directory',
};

const MAX_HOPS = 40;

// Where a link points, as a host path: under --root the target is resolved inside the root (an
// absolute target is a system path, `..` never climbs above the root), as in a chroot.
function linkDestination(link: string, target: string, paths: SystemPaths): string {
  if (paths.root === undefined) return path.resolve(path.dirname(link), target);
  return paths.sys(path.posix.resolve(path.dirname(paths.toSystem(link)), target));
}

// What a path is, for messages: "a directory", "missing", ...
function describePath(p: string): string {
  try {
    return KIND_WORDS[kindOfMode(fs.lstatSync(p).mode)];
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing: the link is dangling' : 'not accessible';
  }
}

// The one-line error for a path that cannot be looked at (lstat or opendir failed).
export function pathError(err: unknown, shown: string, where: string, root: string | undefined): CliError {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return new CliError(`${where}: ${shown}: no such file or directory`, undefined, root ? `Paths are looked up under --root ${escapeName(root)}.` : undefined);
    case 'EACCES':
    case 'EPERM':
      return new CliError(`${where}: cannot read ${shown}: permission denied`, undefined, 'Run as root (or as the owner of the directory) to look inside it.');
    case 'ENOTDIR':
      return new CliError(`${where}: ${shown}: a component of the path is not a directory`);
    case 'ELOOP':
      return new CliError(`${where}: ${shown}: too many levels of symbolic links`);
    default:
      return new CliError(`${where}: cannot read ${shown}: ${e.code ?? ''} ${e.message ?? String(err)}`.replace(/\s+/g, ' '));
  }
}

// Checks that DIR is a directory before anything is read: a symlink is reported with where it
// points and followed only with --follow (refused otherwise, exit 3); a file or device is a
// usage error (exit 2); a missing or unreadable path is a plain failure (exit 1).
export function resolveListingTarget(hostPath: string, o: TargetOptions): ListingTarget {
  const show = (p: string) => escapeName(o.paths.toSystem(p));
  // "link/" would make the kernel follow the link silently: the link itself is looked at instead.
  hostPath = hostPath.length > 1 ? hostPath.replace(/\/+$/, '') || '/' : hostPath;
  let current = hostPath;
  let symlink: ListingTarget['symlink'] = null;
  for (let hop = 0; ; hop++) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(current);
    } catch (err) {
      throw pathError(err, show(current), o.where, o.paths.root);
    }
    const kind = kindOfMode(st.mode);
    if (kind === 'dir') return { dir: current, symlink };
    if (kind !== 'symlink') {
      const size = kind === 'file' ? ` of ${st.size} bytes` : '';
      const via = symlink ? ` (reached through the symbolic link ${show(symlink.path)})` : '';
      throw new UsageError(
        `${o.where}: ${show(current)} is ${KIND_WORDS[kind]}${size}, not a directory${via}`,
        kind === 'file' ? "ls looks inside directories; for a mailbox file see 'spoolrescue capture --help'." : 'ls looks inside directories only.',
      );
    }
    if (hop >= MAX_HOPS) throw new CliError(`${o.where}: ${show(hostPath)}: too many levels of symbolic links`);
    const target = fs.readlinkSync(current);
    const next = linkDestination(current, target, o.paths);
    if (!o.follow) {
      const resolved = show(next) === escapeName(target) ? '' : ` (${show(next)})`;
      throw new RefusedError(
        `${o.where}: ${show(current)} is a symbolic link to ${escapeName(target)}${resolved}, ${describePath(next)}; not followed`,
        `Look inside the target with ${spoolrescueCommand(['ls', show(next)], o.invocation ?? { root: o.paths.root })}   (or add --follow)`,
      );
    }
    symlink ??= { path: hostPath, target };
    current = next;
  }
}
