import { systemPathsText } from './system-paths-messages.js';
import path from 'node:path';

// Maps the absolute paths of the system being rescued onto the directory that holds it (--root),
// so demos, tests and mounted rescue disks never touch the host's own /var/spool or /var/mail.
export interface SystemPaths {
  /** The directory treated as "/", or undefined for the live system. */
  readonly root: string | undefined;
  /** Host path of an absolute system path (e.g. "/var/spool/postfix"), a final symlink followed inside the root; /proc is always the host's. */
  sys(systemPath: string): string;
  /** Host path of a path the operator typed (relative to cwd, a system path, or already under root); a final symlink is not followed. */
  arg(operatorPath: string): string;
  /** The system path a host path stands for (inverse of sys), for messages and mail-path tagging. */
  toSystem(hostPath: string): string;
}

const isUnder = (child: string, parent: string): boolean =>
  child === parent || child.startsWith(parent.endsWith('/') ? parent : parent + '/');

// How a rooted mapper resolves a system path under the root; injected because core does no I/O
// (src/io/paths/root-confine.ts resolves symlinks inside the root, as chroot would).
export interface SystemPathsOptions {
  /** Host path of `systemPath` under root; followLast says whether a final symlink is followed. */
  confine?: (root: string, systemPath: string, followLast: boolean) => string;
  /** Other spellings of the root the operator may type (the root as given, before realpath). */
  aliases?: readonly string[];
}

// Builds the one path mapper every step uses; cwd is injected so tests need not chdir.
export function createSystemPaths(root: string | undefined, cwd: string = process.cwd(), opts: SystemPathsOptions = {}): SystemPaths {
  const normRoot = root === undefined ? undefined : path.resolve(cwd, root);
  const liveRoot = normRoot === undefined || normRoot === '/';
  const spellings = liveRoot ? [] : [normRoot!, ...(opts.aliases ?? []).map((a) => path.resolve(cwd, a))];
  const map = (systemPath: string, followLast: boolean): string => {
    if (!path.isAbsolute(systemPath)) throw new Error(systemPathsText().notAbsolute(systemPath));
    const clean = path.normalize(systemPath);
    if (liveRoot || isUnder(clean, '/proc')) return clean;
    if (opts.confine) return opts.confine(normRoot!, clean, followLast);
    return clean === '/' ? normRoot! : path.join(normRoot!, clean);
  };
  // The system path a host path under one of the root's spellings stands for, else undefined.
  const inside = (hostPath: string): string | undefined => {
    for (const r of spellings) {
      if (!isUnder(hostPath, r)) continue;
      const rest = hostPath.slice(r.length);
      return rest === '' ? '/' : rest;
    }
    return undefined;
  };
  return {
    root: liveRoot ? undefined : normRoot,
    sys: (systemPath) => map(systemPath, true),
    arg(operatorPath: string): string {
      const clean = path.isAbsolute(operatorPath) ? path.normalize(operatorPath) : path.resolve(cwd, operatorPath);
      if (liveRoot) return clean;
      const sys = inside(clean);
      if (sys !== undefined) return opts.confine ? map(sys, false) : clean;
      return path.isAbsolute(operatorPath) ? map(clean, false) : clean;
    },
    toSystem(hostPath: string): string {
      const clean = path.normalize(hostPath);
      if (liveRoot) return clean;
      return inside(clean) ?? clean;
    },
  };
}
