import path from 'node:path';

// Maps the absolute paths of the system being rescued onto the directory that holds it (--root),
// so demos, tests and mounted rescue disks never touch the host's own /var/spool or /var/mail.
export interface SystemPaths {
  /** The directory treated as "/", or undefined for the live system. */
  readonly root: string | undefined;
  /** Host path of an absolute system path (e.g. "/var/spool/postfix"); /proc is always the host's. */
  sys(systemPath: string): string;
  /** Host path of a path the operator typed: relative to cwd, or a system path, or already under root. */
  arg(operatorPath: string): string;
  /** The system path a host path stands for (inverse of sys), for messages and mail-path tagging. */
  toSystem(hostPath: string): string;
}

const isUnder = (child: string, parent: string): boolean =>
  child === parent || child.startsWith(parent.endsWith('/') ? parent : parent + '/');

// Builds the one path mapper every step uses; cwd is injected so tests need not chdir.
export function createSystemPaths(root: string | undefined, cwd: string = process.cwd()): SystemPaths {
  const normRoot = root === undefined ? undefined : path.resolve(cwd, root);
  const liveRoot = normRoot === undefined || normRoot === '/';
  const sys = (systemPath: string): string => {
    if (!path.isAbsolute(systemPath)) throw new Error(`system path must be absolute: ${systemPath}`);
    const clean = path.normalize(systemPath);
    if (liveRoot || isUnder(clean, '/proc')) return clean;
    return clean === '/' ? normRoot! : path.join(normRoot!, clean);
  };
  return {
    root: liveRoot ? undefined : normRoot,
    sys,
    arg(operatorPath: string): string {
      if (!path.isAbsolute(operatorPath)) return path.resolve(cwd, operatorPath);
      const clean = path.normalize(operatorPath);
      if (liveRoot || isUnder(clean, normRoot!)) return clean;
      return sys(clean);
    },
    toSystem(hostPath: string): string {
      const clean = path.normalize(hostPath);
      if (liveRoot || !isUnder(clean, normRoot!)) return clean;
      const rest = clean.slice(normRoot!.length);
      return rest === '' ? '/' : rest;
    },
  };
}
