import fs from 'node:fs';
import path from 'node:path';
import { mountForPath, parseMountinfo, type MountEntry } from '../../core/disks/mountinfo.js';
import { safeRealpath } from '../paths/safe-realpath.js';

// Bytes and inodes of the filesystem holding a path (statfs), with its mount: what every step
// asks before writing (evidence destination) or creating (purge's new directory).
export interface FsUsage {
  mount: string;
  device: string;
  fstype: string;
  readOnly: boolean;
  sizeBytes: number;
  /** Free for root (f_bfree). */
  freeBytes: number;
  /** Free for ordinary users (f_bavail); the difference is the root reserve. */
  availBytes: number;
  inodes: number;
  inodesFree: number;
}

// Reads /proc/self/mountinfo (always the host's /proc, also under --root).
export function readMounts(): MountEntry[] {
  return parseMountinfo(fs.readFileSync('/proc/self/mountinfo', 'utf8'));
}

// statfs of a path plus its mount entry; the path must exist (else the nearest existing parent is used).
export function fsUsageOf(p: string, mounts: readonly MountEntry[] = readMounts()): FsUsage {
  let probe = path.resolve(p);
  while (!fs.existsSync(probe) && probe !== '/') probe = path.dirname(probe);
  const real = safeRealpath(probe);
  const st = fs.statfsSync(real);
  const m = mountForPath(mounts, real);
  return {
    mount: m?.mountPoint ?? '/',
    device: m?.source ?? 'unknown',
    fstype: m?.fstype ?? 'unknown',
    readOnly: m?.readOnly ?? false,
    sizeBytes: st.blocks * st.bsize,
    freeBytes: st.bfree * st.bsize,
    availBytes: st.bavail * st.bsize,
    inodes: st.files,
    inodesFree: st.ffree,
  };
}
