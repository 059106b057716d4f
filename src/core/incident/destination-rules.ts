import { sectionText } from './section-messages.js';

// Where evidence may be written. Writing it onto the filesystem that is full fails or makes the
// outage worse, so the rules refuse that unless the operator forces it knowingly.

// The statfs facts the rules need (a subset of io/fs-usage's FsUsage).
export interface FsFacts {
  mount: string;
  fstype: string;
  readOnly: boolean;
  sizeBytes: number;
  availBytes: number;
  freeBytes: number;
  inodes: number;
  inodesFree: number;
}

// Thresholds from the rescue procedure: a destination needs headroom (98%, 10 MB); the captured
// filesystem counts as full from 90%, when writing onto it would take space the rescue needs.
const DEST_MAX_USED_PERCENT = 98;
// Smallest room a destination must have: a section of 10 + 10 capped messages fits many times.
const DEST_MIN_AVAIL_BYTES = 10 * 1024 * 1024;
// From this share of bytes or inodes the captured filesystem is 'flagged full'.
const SOURCE_FULL_PERCENT = 90;

// Used share in percent the way df computes it: used / (used + available to users).
function usedPercent(f: Pick<FsFacts, 'sizeBytes' | 'freeBytes' | 'availBytes'>): number {
  const used = f.sizeBytes - f.freeBytes;
  const denom = used + f.availBytes;
  return denom <= 0 ? 0 : (100 * used) / denom;
}

// Inodes used in percent; 0 for filesystems that report no inode limit (btrfs, some FUSE).
function inodesUsedPercent(f: Pick<FsFacts, 'inodes' | 'inodesFree'>): number {
  return f.inodes > 0 ? (100 * (f.inodes - f.inodesFree)) / f.inodes : 0;
}

// Why a filesystem is "flagged full" (>= 90% bytes or inodes, or read-only), or null.
/** @internal unit-tested on its own: test/core/destination-rules.test.ts */
export function fullFlag(f: FsFacts): string | null {
  const t = sectionText();
  if (f.readOnly) return t.readOnly;
  const b = usedPercent(f);
  if (b >= SOURCE_FULL_PERCENT) return t.bytesUsed(b.toFixed(0));
  const i = inodesUsedPercent(f);
  if (i >= SOURCE_FULL_PERCENT) return t.inodesUsed(i.toFixed(0));
  return null;
}

// Why a filesystem cannot take an incident file (read-only, >= 98% used, < 10 MB free, no
// inodes), or null when it can.
export function destinationProblem(f: FsFacts): string | null {
  const t = sectionText();
  if (f.readOnly) return t.destReadOnly(f.mount);
  const b = usedPercent(f);
  if (b >= DEST_MAX_USED_PERCENT) return t.destFull(f.mount, b.toFixed(0), DEST_MAX_USED_PERCENT);
  if (f.availBytes < DEST_MIN_AVAIL_BYTES) return t.destLowRoom(f.mount, (f.availBytes / 1048576).toFixed(1));
  if (f.inodes > 0 && inodesUsedPercent(f) >= DEST_MAX_USED_PERCENT) return t.destInodes(f.mount, inodesUsedPercent(f).toFixed(0));
  return null;
}

// The facts one destination decision needs: both filesystems, whether they are one, --force.
export interface DestinationInput {
  dest: FsFacts;
  /** The filesystem of what is captured (or truncated). */
  source: FsFacts;
  /** dest and source are the same filesystem (same st_dev). */
  sameFilesystem: boolean;
  force: boolean;
}

// Allowed (with warnings when forced) or refused with the reason the operator sees.
export type DestinationVerdict = { ok: true; warnings: string[] } | { ok: false; reason: string };

// Applies the rules: refuse a destination that is nearly full, or that is the captured thing's own
// filesystem when that one is flagged full, unless forced (then say what is being risked).
export function judgeDestination(i: DestinationInput): DestinationVerdict {
  const problems: string[] = [];
  const own = destinationProblem(i.dest);
  if (own) problems.push(own);
  const flag = fullFlag(i.source);
  const t = sectionText();
  if (i.sameFilesystem && flag) problems.push(t.sameFilesystem(i.source.mount, flag));
  if (!problems.length) return { ok: true, warnings: [] };
  if (i.force) return { ok: true, warnings: problems.map((p) => t.forced(p)) };
  return { ok: false, reason: t.problems(problems) };
}

// A filesystem offered for the incident file: writable, with room, not the troubled one.
export interface DestinationCandidate {
  mount: string;
  fstype: string;
  availBytes: number;
  usedPercent: number;
  /** Suggested file name there. */
  suggestion: string;
}

// Pseudo filesystems nobody writes a report onto.
const PSEUDO = new Set(['proc', 'sysfs', 'cgroup', 'cgroup2', 'devpts', 'mqueue', 'debugfs', 'tracefs', 'securityfs', 'pstore', 'bpf', 'autofs', 'configfs', 'fusectl', 'hugetlbfs', 'devtmpfs', 'binfmt_misc', 'efivarfs', 'selinuxfs', 'rpc_pipefs', 'nsfs', 'ramfs', 'squashfs', 'iso9660', 'nfsd']);

// Kernel and device trees (/proc, /sys, /dev) are no place for a report, /dev/shm excepted.
const systemMount = (mount: string): boolean => mount !== '/dev/shm' && /^\/(proc|sys|dev)(\/|$)/.test(mount);

// Ranks candidate filesystems: tmpfs in memory first (/dev/shm, /run), then real disks by room.
export function rankCandidates(list: readonly (FsFacts & { sameAsSource: boolean; writable: boolean })[], fileName: string): DestinationCandidate[] {
  const seen = new Set<string>();
  const ok = list.filter((f) => {
    if (PSEUDO.has(f.fstype) || f.sameAsSource || !f.writable || destinationProblem(f) || systemMount(f.mount)) return false;
    if (seen.has(f.mount)) return false;
    seen.add(f.mount);
    return true;
  });
  const rank = (f: FsFacts) => (f.mount === '/dev/shm' ? 0 : f.mount === '/run' ? 1 : f.fstype === 'tmpfs' ? 2 : 3);
  return ok
    .sort((a, b) => rank(a) - rank(b) || b.availBytes - a.availBytes)
    .map((f) => ({ mount: f.mount, fstype: f.fstype, availBytes: f.availBytes, usedPercent: Math.round(usedPercent(f)), suggestion: `${f.mount === '/' ? '' : f.mount}/${fileName}` }));
}
