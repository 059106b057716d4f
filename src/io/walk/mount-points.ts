import fs from 'node:fs';
import { mountsBelow, parseMountinfo } from '../../core/disks/mountinfo.js';

// Which entries of a tree are mount points, from the kernel's own mount table: st_dev alone
// cannot tell, since a bind mount of the same filesystem has the same st_dev as its parent.
// Paths are handled as latin1 strings, so every byte of a name (not UTF-8, spaces, newlines)
// maps to one character and compares exactly.

// The mount ID (mountinfo's first field) of an open descriptor, from /proc/self/fdinfo (Linux
// 3.15+); undefined when the kernel does not say.
export function mountIdOfFd(fd: number): number | undefined {
  try {
    const m = /^mnt_id:\s*(\d+)/m.exec(fs.readFileSync(`/proc/self/fdinfo/${fd}`, 'latin1'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

// The path an open descriptor names now (its /proc/self/fd link), as latin1 text.
export function pathOfFd(fd: number): string | undefined {
  try {
    return (fs.readlinkSync(`/proc/self/fd/${fd}`, { encoding: 'buffer' }) as Buffer).toString('latin1');
  } catch {
    return undefined;
  }
}

// Mount points strictly below an absolute directory (latin1 text), as paths relative to it in
// latin1: what a walk of that directory must never enter, nor count, nor unlink.
export function mountPointsUnder(dir: string, mountinfo: string = readMountinfoBytes()): Set<string> {
  const prefixLength = dir === '/' ? 1 : dir.length + 1;
  return new Set(mountsBelow(parseMountinfo(mountinfo), dir).map((m) => m.mountPoint.slice(prefixLength)));
}

// /proc/self/mountinfo as latin1 text (one character per byte), or '' without /proc.
function readMountinfoBytes(): string {
  try {
    return fs.readFileSync('/proc/self/mountinfo', 'latin1');
  } catch {
    return '';
  }
}
