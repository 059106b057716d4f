import fs from 'node:fs';
import { CliError } from '../../core/cli-error.js';
import { buildDfReport, selectFilesystems, type DfReport, type StatfsResult } from '../../core/disks/model.js';
import { parseMountinfo, type MountEntry } from '../../core/disks/mountinfo.js';
import { listDeletedOpenFds, measureDeletedOpen } from './deleted-open.js';
import { statfsMounts, type StatfsOptions, type StatfsOutcome } from './statfs.js';
import { fmtBytes } from '../../core/text/units.js';
import { disksIoText } from './messages.js';

// The outside things the df report reads, injectable for tests.
interface DfDeps {
  /** Text of /proc/self/mountinfo. */
  readMountinfo: () => string;
  statfs: (mounts: readonly { mountPoint: string; fstype: string }[], o: StatfsOptions) => Promise<StatfsOutcome[]>;
  /** The /proc to scan for deleted-open files. */
  procDir: string;
}

// Deadline, Ctrl-C, list size and test doubles for readDfReport.
export interface DfOptions {
  /** How long one filesystem may take to answer statfs (default 3000 ms). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** How many deleted-open files to list, largest first (default 1000; sums cover all). */
  deletedOpenLimit?: number;
  deps?: Partial<DfDeps>;
  /** The mount table, already read and parsed by the caller (df with its likely culprits reads it once). */
  mounts?: readonly MountEntry[];
}

// The text of this process's mount table (throws when /proc is not there).
export function readMountinfoText(): string {
  return fs.readFileSync('/proc/self/mountinfo', 'utf8');
}

// The mount table's text; unreadable, the one error df gives for it.
function readMountTable(read: () => string): string {
  try {
    return read();
  } catch (e) {
    throw new CliError(disksIoText().noMountinfo((e as Error).message), 1, disksIoText().noMountinfoHint);
  }
}

const realDeps: DfDeps = {
  readMountinfo: readMountinfoText,
  statfs: statfsMounts,
  procDir: '/proc',
};

// Every real filesystem with bytes, inodes, reserve, read-only state and flags, plus the files
// deleted but still open: the data of `spoolrescue df --json`, for the CLI, the walk's Disks
// screen and the evidence step (which looks for a destination with room). Never hangs on a dead
// mount: statfs runs in a helper process with a deadline. Always reads the host's /proc.
export async function readDfReport(opts: DfOptions = {}): Promise<DfReport> {
  const deps = { ...realDeps, ...opts.deps };
  const mounts = opts.mounts ?? parseMountinfo(readMountTable(deps.readMountinfo));
  const shown = selectFilesystems(mounts);
  // /proc is read first (readlink and fdinfo never wait for a filesystem), then statfs; a helper
  // process for network mounts starts at once and its deadline runs while local ones answer.
  const listed = listDeletedOpenFds(deps.procDir);
  const answers = deps.statfs(shown, { timeoutMs: opts.timeoutMs, signal: opts.signal });
  const outcomes = await answers;
  const statfs = new Map<number, StatfsResult>();
  const silent = new Set<string>();
  shown.forEach((m, i) => {
    const o = outcomes[i];
    statfs.set(m.mountId, o.ok ? o : { ok: false, timedOut: o.timedOut, problem: o.problem });
    if (!o.ok && o.timedOut) silent.add(m.devId);
  });
  // Files on a filesystem that did not answer are not stat'ed: that stat could hang too.
  const skipMountIds = new Set(mounts.filter((m) => silent.has(m.devId)).map((m) => m.mountId));
  const measured = measureDeletedOpen(listed.fds, { procDir: deps.procDir, skipMountIds, limit: opts.deletedOpenLimit });
  return buildDfReport({
    mounts,
    statfs,
    deletedOpen: measured.files,
    deletedOpenBytesByDevId: measured.bytesByDevId,
    deletedOpenCount: measured.total,
    skippedProcesses: listed.skippedProcesses + measured.skippedProcesses,
    formatBytes: fmtBytes,
  });
}
