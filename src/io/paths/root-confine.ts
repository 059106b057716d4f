import fs from 'node:fs';
import path from 'node:path';
import { RefusedError } from '../../core/cli-error.js';
import { escapeName } from '../../core/text/escape-name.js';
import { createSystemPaths, type SystemPaths } from '../../core/system-paths.js';
import { safeRealpath } from './safe-realpath.js';
import { pathsIoText } from './messages.js';

// As many links as the kernel follows before ELOOP.
const MAX_LINKS = 40;

const isUnder = (child: string, parent: string): boolean =>
  child === parent || child.startsWith(parent.endsWith('/') ? parent : parent + '/');

// Resolves a system path the way the kernel would inside chroot(ROOT): every symlink met on the
// way is read and followed inside ROOT (an absolute target restarts at ROOT, `..` stops at ROOT),
// so a rescue disk whose /var/spool/mail points at /var/mail never leads to the host's /var/mail.
// The last component is followed only when followLast is set (ls, purge and truncate look at
// a link itself). Refuses (exit 3) on a loop, or when the result still leaves ROOT (a race).
/** @internal unit-tested on its own: test/safety/root-confine.test.ts */
export function confineUnderRoot(root: string, systemPath: string, followLast: boolean): string {
  const pending = systemPath.split('/').filter((c) => c !== '' && c !== '.');
  const resolved: string[] = [];
  let links = 0;
  let missing = false;
  while (pending.length) {
    const c = pending.shift()!;
    if (c === '..') {
      resolved.pop();
      continue;
    }
    const isLast = pending.length === 0;
    if (!missing && (!isLast || followLast)) {
      const host = path.join(root, ...resolved, c);
      const st = fs.lstatSync(host, { throwIfNoEntry: false });
      if (!st) missing = true;
      else if (st.isSymbolicLink()) {
        if (++links > MAX_LINKS) {
          throw new RefusedError(pathsIoText().tooManyLinks(escapeName(systemPath), escapeName(root)));
        }
        const target = fs.readlinkSync(host);
        if (target.startsWith('/')) resolved.length = 0;
        pending.unshift(...target.split('/').filter((t) => t !== '' && t !== '.'));
        continue;
      }
    }
    resolved.push(c);
  }
  const result = path.join(root, ...resolved);
  checkStaysInside(root, result, systemPath);
  return result;
}

// The deepest existing ancestor of the result must really be inside ROOT: a link swapped in
// between the lstat above and this check is caught here rather than followed later.
function checkStaysInside(root: string, result: string, systemPath: string): void {
  let probe = result === root ? root : path.dirname(result);
  for (;;) {
    let real: string | undefined;
    try {
      real = fs.realpathSync(probe);
    } catch {
      // missing: look at its parent
    }
    if (real !== undefined) {
      if (!isUnder(real, root)) {
        throw new RefusedError(pathsIoText().leadsOutside(escapeName(systemPath), escapeName(root), escapeName(real)), pathsIoText().leadsOutsideHint);
      }
      return;
    }
    if (probe === root || probe === '/') return;
    probe = path.dirname(probe);
  }
}

// The path mapper of a real run: --root is taken canonical (its own symlinks resolved on the
// host, as the operator chose it), and every path below it is resolved inside it.
export function hostSystemPaths(root: string | undefined, cwd: string): SystemPaths {
  if (root === undefined) return createSystemPaths(undefined, cwd);
  const typed = path.resolve(cwd, root);
  const real = safeRealpath(typed); // a missing root is reported by the step that looks at it
  return createSystemPaths(real, cwd, { confine: (r, p, followLast) => confineUnderRoot(r, p, followLast), aliases: typed === real ? [] : [typed] });
}
