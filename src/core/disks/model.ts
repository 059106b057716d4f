import type { StatfsProblem } from './statfs-problem.js';
import { isPseudoFilesystem, visibleMounts, type MountEntry } from './mountinfo.js';
import type { Suspect } from '../suspects/rank.js';
import { flagWords, type DfFlagFacts } from './flag-words.js';
import { fmtBytes } from '../text/units.js';

// A flag as the report holds it: its facts, and its `reason` in English (what `df --json` says
// whatever the operator's language; screens word the facts in the run's language: flagWords).
type DfFlag = DfFlagFacts & { reason: string };

// One filesystem as `df --json` reports it; numbers are null when statfs did not answer.
export interface DfFilesystem {
  mount: string;
  device: string;
  fstype: string;
  /** "major:minor" (st_dev), to match stat() results and other mounts of the same filesystem. */
  devId: string;
  mountId: number;
  sizeBytes: number | null;
  usedBytes: number | null;
  /** Free for ordinary users (f_bavail). */
  availBytes: number | null;
  /** Free only for root (f_bfree - f_bavail): ext4's 5% reserve; 0 on XFS and tmpfs. */
  reservedBytes: number | null;
  /** 0 when the filesystem has no fixed inode count (btrfs, some FUSE). */
  inodes: number | null;
  inodesUsed: number | null;
  inodesFree: number | null;
  /** Like df's Use%: used / (used + available to non-root), rounded up. */
  usePercent: number | null;
  inodeUsePercent: number | null;
  readOnly: boolean;
  /** Allocated bytes of deleted files still held open on it (the df-vs-du gap). */
  deletedOpenBytes: number;
  flags: DfFlag[];
}

// A deleted-but-open file in the report.
interface DfDeletedOpen {
  pid: number;
  command: string;
  fd: number;
  path: string;
  sizeBytes: number | null;
  allocatedBytes: number | null;
  /** Mount point of the filesystem that holds it, null when it is on none listed. */
  mount: string | null;
  note?: string;
}

// The JSON of `spoolrescue df --json`; also what the walk's Disks screen and evidence step use.
export interface DfReport {
  filesystems: DfFilesystem[];
  deletedOpen: DfDeletedOpen[];
  /** Deleted-open files seen in all (deletedOpen may list only the largest). */
  deletedOpenCount: number;
  /** Processes that vanished or denied access while /proc was read. */
  skippedProcesses: number;
  /** Likely culprits from one lstat per known place, before any scan (src/io/suspects/). */
  suspects?: Suspect[];
  /** How long finding them took. */
  suspectsMs?: number;
}

// statfs numbers of one filesystem (units of bsize), or why there are none.
export type StatfsResult =
  | { ok: true; stats: { bsize: number; blocks: number; bfree: number; bavail: number; files: number; ffree: number } }
  | { ok: false; timedOut: boolean; problem: StatfsProblem };

// Threshold (percent) at which bytes or inodes count as full.
const FULL_PERCENT = 90;

// The mounts df shows: reachable (not over-mounted), not pseudo, one per filesystem (devId):
// bind mounts of the same filesystem are the same bytes, so the mount of its root is kept.
export function selectFilesystems(mounts: readonly MountEntry[]): MountEntry[] {
  const best = new Map<string, MountEntry>();
  for (const m of visibleMounts(mounts)) {
    if (isPseudoFilesystem(m.fstype)) continue;
    const prev = best.get(m.devId);
    if (!prev || rank(m) < rank(prev)) best.set(m.devId, m);
  }
  const kept = new Set(best.values());
  return mounts.filter((m) => kept.has(m));
}

const rank = (m: MountEntry): number => (m.root === '/' ? 0 : 1e6) + m.mountPoint.length;

const ceilPercent = (part: number, whole: number): number | null => (whole > 0 ? Math.ceil((part * 100) / whole) : null);

// One filesystem row from its mount entry and statfs result (flags added by addFlags).
function filesystemRow(m: MountEntry, r: StatfsResult, deletedOpenBytes = 0): DfFilesystem {
  const id = { mount: m.mountPoint, device: m.source, fstype: m.fstype, devId: m.devId, mountId: m.mountId };
  const tail = { readOnly: m.readOnly, deletedOpenBytes, flags: [] };
  if (!r.ok) {
    return { ...id, sizeBytes: null, usedBytes: null, availBytes: null, reservedBytes: null, inodes: null, inodesUsed: null, inodesFree: null, usePercent: null, inodeUsePercent: null, ...tail };
  }
  const s = r.stats;
  const used = s.blocks - s.bfree;
  const inodesUsed = s.files - s.ffree;
  return {
    ...id,
    sizeBytes: s.blocks * s.bsize,
    usedBytes: used * s.bsize,
    availBytes: s.bavail * s.bsize,
    reservedBytes: Math.max(0, s.bfree - s.bavail) * s.bsize,
    inodes: s.files,
    inodesUsed: s.files > 0 ? inodesUsed : 0,
    inodesFree: s.ffree,
    usePercent: ceilPercent(used, used + s.bavail),
    inodeUsePercent: s.files > 0 ? ceilPercent(inodesUsed, s.files) : null,
    ...tail,
  };
}

// The facts of why a filesystem needs attention: full bytes, full inodes, read-only, no answer,
// or space held by deleted-open files.
function factsFor(fs: DfFilesystem, r: StatfsResult, m: MountEntry): DfFlagFacts[] {
  const flags: DfFlagFacts[] = [];
  if (!r.ok) flags.push({ code: r.timedOut ? 'not-responding' : 'statfs-failed', problem: r.problem });
  if (fs.usePercent !== null && fs.usePercent >= FULL_PERCENT) {
    flags.push({ code: 'bytes-full', usePercent: fs.usePercent, availBytes: fs.availBytes ?? 0, reservedBytes: fs.reservedBytes ?? 0 });
  }
  if (fs.inodeUsePercent !== null && fs.inodeUsePercent >= FULL_PERCENT) {
    flags.push({ code: 'inodes-full', inodeUsePercent: fs.inodeUsePercent, inodesFree: fs.inodesFree ?? 0 });
  }
  if (fs.readOnly) flags.push({ code: 'read-only', remountRo: m.superOptions.includes('errors=remount-ro') });
  if (fs.deletedOpenBytes > 0 && fs.sizeBytes && fs.deletedOpenBytes * 100 >= fs.sizeBytes) {
    flags.push({ code: 'deleted-open', bytes: fs.deletedOpenBytes });
  }
  return flags;
}

// A flag from its facts, with the English reason `df --json` gives.
/** @internal unit-tested on its own: test/ui/fake-ports.ts */
export function dfFlag(f: DfFlagFacts, fmt: (bytes: number) => string = fmtBytes): DfFlag {
  return { ...f, reason: flagWords(f, 'en', fmt) };
}

// The flags of a filesystem.
function flagsFor(fs: DfFilesystem, r: StatfsResult, m: MountEntry, fmt: (bytes: number) => string): DfFlag[] {
  return factsFor(fs, r, m).map((f) => dfFlag(f, fmt));
}

// Everything the report is built from, read by src/io/disks/df-report.ts.
export interface DfInput {
  mounts: readonly MountEntry[];
  /** statfs result per mount, by mount id. */
  statfs: ReadonlyMap<number, StatfsResult>;
  deletedOpen: readonly { pid: number; command: string; fd: number; path: string; sizeBytes: number | null; allocatedBytes: number | null; devId: string | null; mountId?: number; note?: string }[];
  deletedOpenBytesByDevId: ReadonlyMap<string, number>;
  deletedOpenCount: number;
  skippedProcesses: number;
  formatBytes: (bytes: number) => string;
}

// Builds the df report from mountinfo, statfs answers and the deleted-open scan (pure: the same
// input gives the same report, so the walk and the CLI show the same thing).
export function buildDfReport(input: DfInput): DfReport {
  const filesystems: DfFilesystem[] = [];
  for (const m of selectFilesystems(input.mounts)) {
    const r = input.statfs.get(m.mountId) ?? { ok: false, timedOut: false, problem: { code: 'not-asked' } };
    if (r.ok && r.stats.blocks === 0) continue; // a dummy filesystem (df hides these too)
    const row = filesystemRow(m, r, input.deletedOpenBytesByDevId.get(m.devId) ?? 0);
    row.flags = flagsFor(row, r, m, input.formatBytes);
    filesystems.push(row);
  }
  const byDevId = new Map(filesystems.map((f) => [f.devId, f.mount]));
  const byMountId = new Map(input.mounts.map((m) => [m.mountId, byDevId.get(m.devId) ?? m.mountPoint]));
  const deletedOpen = input.deletedOpen.map((d) => ({
    pid: d.pid,
    command: d.command,
    fd: d.fd,
    path: d.path,
    sizeBytes: d.sizeBytes,
    allocatedBytes: d.allocatedBytes,
    mount: (d.devId !== null ? byDevId.get(d.devId) : undefined) ?? (d.mountId !== undefined ? byMountId.get(d.mountId) : undefined) ?? null,
    ...(d.note ? { note: d.note } : {}),
  }));
  return { filesystems, deletedOpen, deletedOpenCount: input.deletedOpenCount, skippedProcesses: input.skippedProcesses };
}
