import type { MountEntry } from '../../core/mountinfo.js';
import { fsUsageOf, readMounts, type FsUsage } from '../../io/fs-usage.js';
import type { DfReport, FilesystemRow } from '../ports.js';

// The Disks step on what this build has: /proc/self/mountinfo and statfs (src/io/fs-usage.ts).
// Wiring only until the df core lands; then this file maps its --json document instead.

// Kernel filesystems that hold no user data (and must not be statfs'ed for a rescue).
const PSEUDO = new Set([
  'proc', 'sysfs', 'cgroup', 'cgroup2', 'devpts', 'mqueue', 'debugfs', 'tracefs', 'securityfs', 'pstore', 'bpf', 'configfs',
  'fusectl', 'hugetlbfs', 'autofs', 'binfmt_misc', 'nsfs', 'efivarfs', 'rpc_pipefs', 'selinuxfs', 'devtmpfs', 'ramfs', 'squashfs',
]);
// Network and FUSE filesystems: statfs can hang on a dead server or daemon, and this build has no
// timeout for it.
const NETWORK = /^(nfs4?|cifs|smb3?|fuse\..+|ceph|glusterfs|9p)$/;

// The filesystems worth showing: real ones and tmpfs (evidence can go there), one row per
// device (bind mounts collapse onto the shortest mount point), no network mounts.
export function realMounts(mounts: readonly MountEntry[]): MountEntry[] {
  // A mount point mounted over keeps only its last (visible) mount.
  const visible = new Map<string, MountEntry>();
  for (const m of mounts) visible.set(m.mountPoint, m);
  const byDev = new Map<string, MountEntry>();
  for (const m of visible.values()) {
    if (PSEUDO.has(m.fstype) || NETWORK.test(m.fstype)) continue;
    if (m.fstype === 'tmpfs' && m.mountPoint.startsWith('/sys')) continue;
    const seen = byDev.get(m.devId);
    if (!seen || m.mountPoint.length < seen.mountPoint.length) byDev.set(m.devId, m);
  }
  return [...byDev.values()].sort((a, b) => a.mountPoint.localeCompare(b.mountPoint));
}

const pct = (used: number, total: number) => (total > 0 ? (100 * used) / total : 0);

// One df row with its flags in words: >= 90% bytes or inodes, read-only.
export function filesystemRow(m: MountEntry, u: FsUsage): FilesystemRow {
  const usedBytes = u.sizeBytes - u.freeBytes;
  const inodesUsed = u.inodes - u.inodesFree;
  const usable = usedBytes + u.availBytes;
  const usePercent = Math.ceil(pct(usedBytes, usable));
  const inodeUsePercent = u.inodes > 0 ? Math.ceil(pct(inodesUsed, u.inodes)) : 0;
  const flags: string[] = [];
  if (usePercent >= 90) flags.push(`bytes ${usePercent}% used`);
  if (u.inodes > 0 && inodeUsePercent >= 90) flags.push(`inodes ${inodeUsePercent}% used`);
  if (m.readOnly) flags.push('read-only');
  return {
    mount: m.mountPoint,
    device: m.source,
    fstype: m.fstype,
    sizeBytes: u.sizeBytes,
    usedBytes,
    availBytes: u.availBytes,
    reservedBytes: u.freeBytes - u.availBytes,
    inodes: u.inodes,
    inodesUsed,
    inodesFree: u.inodesFree,
    usePercent,
    inodeUsePercent,
    readOnly: m.readOnly,
    flags,
  };
}

// Reads every real filesystem now.
export async function loadDisks(): Promise<DfReport> {
  const all = readMounts();
  const filesystems: FilesystemRow[] = [];
  for (const m of realMounts(all)) {
    try {
      filesystems.push(filesystemRow(m, fsUsageOf(m.mountPoint, all)));
    } catch {
      // unmounted meanwhile or not statfs-able: not a place to rescue or to write to
    }
  }
  return { filesystems, deletedOpen: null, deletedOpenNote: 'needs the df step, not in this build yet' };
}
