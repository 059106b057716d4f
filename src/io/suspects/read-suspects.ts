import fs from 'node:fs';
import { devIdOf, mountForPath, parseMountinfo, type MountEntry } from '../../core/disks/mountinfo.js';
import { listedCandidate, listedDirs, suspectCandidates, type SuspectCandidate, type SuspectSettings } from '../../core/suspects/candidates.js';
import { rankSuspects, type Suspect, type SuspectFacts } from '../../core/suspects/rank.js';
import type { SystemPaths } from '../../core/system-paths.js';
import { readMountinfoText } from '../disks/df-report.js';
import { PLACE_NAMES, readPostfixSettings } from '../postfix/settings.js';
import { fmtBytes } from '../../core/text/units.js';
import { monotonicMs } from '../system/monotonic-ms.js';

// The "likely culprits" answer: one lstat per known place (Postfix's queues, the mail spool, the
// logs, /tmp), a directory's entries estimated from its own size, so the answer takes the same
// few milliseconds for a million-file maildrop as for an empty one. Huge directories are never
// listed; only directories small enough to list in one call (the spool, /var/log) are.

// What one lstat says, or undefined when the path does not exist or cannot be examined.
interface SuspectStat {
  isDir: boolean;
  size: number;
  blocks: number;
  dev: number;
}

// The outside things the answer reads; tests inject counting doubles.
export interface SuspectDeps {
  lstat(hostPath: string): SuspectStat | undefined;
  readdir(hostPath: string): string[];
  readMountinfo(): string;
  settings(paths: SystemPaths, postfixConfig?: string): Promise<SuspectSettings>;
}

// The answer and how long it took (milliseconds, from `startedAtMs`: the settings included).
export interface SuspectsAnswer {
  suspects: Suspect[];
  elapsedMs: number;
}

// Directories listed for their files only up to this st_size (~2,000 entries on ext4).
const LISTABLE_DIR_BYTES = 64 * 1024;
const MAX_LISTED = 4096;

function lstatOrNone(p: string): SuspectStat | undefined {
  try {
    const st = fs.lstatSync(p, { throwIfNoEntry: false });
    if (!st || st.isSymbolicLink()) return undefined;
    return { isDir: st.isDirectory(), size: st.size, blocks: st.blocks, dev: st.dev };
  } catch {
    return undefined;
  }
}

const realDeps: SuspectDeps = {
  lstat: lstatOrNone,
  readdir: (p) => fs.readdirSync(p),
  readMountinfo: () => {
    try {
      return readMountinfoText();
    } catch {
      return '';
    }
  },
  // Only the queue directory and the mail spool depend on how Postfix was built: when main.cf
  // names them, postconf would print the same and is not started (a process per `df`, slower the
  // busier the host: the answer would wait for it).
  settings: (paths, postfixConfig) => readPostfixSettings({ paths, postfixConfig, postconfUnlessSet: PLACE_NAMES }),
};

// The likely culprits of the system under paths (--root aware), heaviest first, each with the
// filesystem it is on. Never throws: what cannot be examined is left out.
// startedAtMs (monotonicMs() when the command started, default: now) is where elapsedMs counts from.
// mounts: the mount table already read and parsed by the caller, else read here.
export async function readSuspects(paths: SystemPaths, o: { postfixConfig?: string; startedAtMs?: number; mounts?: readonly MountEntry[]; deps?: Partial<SuspectDeps> } = {}): Promise<SuspectsAnswer> {
  const t0 = o.startedAtMs ?? monotonicMs();
  const deps = { ...realDeps, ...o.deps };
  const settings = await deps.settings(paths, o.postfixConfig);
  const mounts = o.mounts ?? parseMountinfo(deps.readMountinfo());
  const facts: SuspectFacts[] = [];
  const seen = new Set<string>();
  const look = (c: SuspectCandidate) => {
    if (seen.has(c.hostPath)) return;
    seen.add(c.hostPath);
    const st = deps.lstat(c.hostPath);
    if (!st) return;
    let blocks = st.blocks;
    const partSizes: number[] = [];
    for (const part of st.isDir ? (c.parts ?? []) : []) {
      const p = deps.lstat(part);
      if (p?.isDir && p.dev === st.dev) {
        partSizes.push(p.size);
        blocks += p.blocks;
      }
    }
    facts.push({ candidate: c, isDir: st.isDir, size: st.size, partSizes, allocatedBytes: blocks * 512, ...whereIs(mounts, c.hostPath, st.dev) });
  };
  for (const c of suspectCandidates(settings, paths)) look(c);
  for (const d of listedDirs(settings, paths)) {
    const st = deps.lstat(d.hostPath);
    if (!st?.isDir || st.size > LISTABLE_DIR_BYTES) continue;
    let names: string[] = [];
    try {
      names = deps.readdir(d.hostPath);
    } catch {
      continue;
    }
    for (const name of names.slice(0, MAX_LISTED)) look(listedCandidate(d.hostPath, name, d.kind));
  }
  const suspects = rankSuspects(facts, (p) => paths.toSystem(p), fmtBytes);
  return { suspects, elapsedMs: monotonicMs() - t0 };
}

// The filesystem a path is on: its st_dev as mountinfo writes it, and the mount that holds it.
function whereIs(mounts: readonly MountEntry[], hostPath: string, dev: number): { devId: string; mount: string; fstype: string } {
  const devId = devIdOf(dev);
  const m = mountForPath(mounts, hostPath);
  const same = m && m.devId === devId ? m : mounts.find((x) => x.devId === devId);
  return { devId, mount: same?.mountPoint ?? m?.mountPoint ?? '/', fstype: same?.fstype ?? m?.fstype ?? '' };
}
