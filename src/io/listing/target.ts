import fs from 'node:fs';
import path from 'node:path';
import { CliError, RefusedError, UsageError } from '../../core/cli-error.js';
import { escapeName } from '../../core/text/escape-name.js';
import { kindOfMode } from '../../core/listing/entry.js';
import type { SystemPaths } from '../../core/system-paths.js';
import { spoolrescueCommand, type InvocationFlags } from '../../core/suggested-command.js';
import { listingIoText } from './messages.js';

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
    return listingIoText().kind[kindOfMode(fs.lstatSync(p).mode)];
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? listingIoText().dangling : listingIoText().notAccessible;
  }
}

// The one-line error for a path that cannot be looked at (lstat or opendir failed).
export function pathError(err: unknown, shown: string, where: string, root: string | undefined): CliError {
  const e = err as NodeJS.ErrnoException;
  const t = listingIoText();
  switch (e.code) {
    case 'ENOENT':
      return new CliError(t.noSuchPath(where, shown), undefined, root ? t.underRoot(escapeName(root)) : undefined);
    case 'EACCES':
    case 'EPERM':
      return new CliError(t.denied(where, shown), undefined, t.deniedHint);
    case 'ENOTDIR':
      return new CliError(t.componentNotDir(where, shown));
    case 'ELOOP':
      return new CliError(t.tooManyLinks(where, shown));
    default:
      return new CliError(t.cannotRead(where, shown, `${e.code ?? ''} ${e.message ?? String(err)}`.replace(/\s+/g, ' ').trim()));
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
      const t = listingIoText();
      throw new UsageError(
        t.notADirectory(o.where, show(current), t.kind[kind], kind === 'file' ? st.size : undefined, symlink ? show(symlink.path) : undefined),
        kind === 'file' ? t.fileHint : t.notDirHint,
      );
    }
    if (hop >= MAX_HOPS) throw new CliError(listingIoText().tooManyLinks(o.where, show(hostPath)));
    const target = fs.readlinkSync(current);
    const next = linkDestination(current, target, o.paths);
    if (!o.follow) {
      const resolved = show(next) === escapeName(target) ? undefined : show(next);
      throw new RefusedError(
        listingIoText().symlinkNotFollowed(o.where, show(current), escapeName(target), resolved, describePath(next)),
        listingIoText().lookAtTarget(spoolrescueCommand(['ls', show(next)], o.invocation ?? { root: o.paths.root })),
      );
    }
    symlink ??= { path: hostPath, target };
    current = next;
  }
}
