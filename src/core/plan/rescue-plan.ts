import type { DfFilesystem, DfReport } from '../disks/model.js';
import type { Suspect } from '../suspects/rank.js';
import { suspectsOn } from '../suspects/rank.js';
import { planOutlineText } from './outline-messages.js';

// The short plan a mail server's disk-full incident calls for, decided from what is known before
// any scan: the flagged filesystem, the likely culprit on it (a queue directory or a mailbox),
// the mail paths worth keeping evidence of, and a filesystem with room for the incident file.
// Pure: the op (src/ops/rescue-plan.ts) gathers the facts.

// A known mail path as the plan needs it (src/ops/mail-paths.ts's MailPath fits).
export interface PlanMailPath {
  path: string;
  label: string;
  kind: 'queue-dir' | 'spool-file' | 'spool-dir' | 'log-file';
  exists: boolean;
  sizeBytes: number | null;
}

// One thing to keep evidence of, in the order it is captured.
interface EvidenceSource {
  /** Host path. */
  path: string;
  label: string;
}

// The place to empty: a queue directory (purge) or a mailbox (truncate under Postfix's lock).
interface EmptyTarget {
  path: string;
  kind: 'dir' | 'file';
  label: string;
}

// One step of the plan.
export type PlanStep =
  | { kind: 'capture'; sources: EvidenceSource[]; incidentFile: string; /** Mail logs among the sources: their first look follows. */ maillogs: string[] }
  | { kind: 'empty'; target: EmptyTarget }
  | { kind: 'mailflow' }
  | { kind: 'summary' };

// The flagged filesystem and what most likely filled it.
export interface Culprit {
  fs: DfFilesystem;
  suspect: Suspect;
}

// The proposed rescue.
export interface RescuePlan {
  culprit: Culprit;
  /** Where the incident file goes (a filesystem with room, not the troubled one); null: none has room. */
  destination: { mount: string; file: string } | null;
  steps: PlanStep[];
}

// Flags that mean the filesystem is (nearly) out of room, as opposed to read-only or silent.
const FULL_FLAGS = new Set(['bytes-full', 'inodes-full']);

// Suspects a rescue empties: queue directories and mailboxes (logs and /tmp are for the free walk).
const EMPTIABLE = new Set(['queue', 'mailbox']);

// The flagged filesystem whose likely culprit can be emptied: the one the operator selected
// (its device id) when it has one, else the fullest; null when none.
export function findCulprit(report: DfReport | null, preferDevId?: string): Culprit | null {
  if (!report?.suspects) return null;
  const fullness = (f: DfFilesystem) => (f.devId === preferDevId ? 1000 : 0) + Math.max(f.usePercent ?? 0, f.inodeUsePercent ?? 0);
  const flagged = report.filesystems.filter((f) => f.flags.some((x) => FULL_FLAGS.has(x.code))).sort((a, b) => fullness(b) - fullness(a));
  for (const fs of flagged) {
    const suspect = suspectsOn(report.suspects, fs.devId).find((s) => EMPTIABLE.has(s.kind));
    if (suspect) return { fs, suspect };
  }
  return null;
}

// The plan's steps in a few words for the Disks screen ("evidence, purge maildrop, mail flow, summary").
export function planOutline(c: Culprit, mailFlow: boolean): string {
  const name = c.suspect.path.split('/').filter(Boolean).at(-1) ?? c.suspect.path;
  return planOutlineText().outline(c.suspect.kind === 'queue', name, mailFlow);
}

// The plan for a culprit: evidence of root's mailbox, the mailbox culprits, the culprit and the
// mail log (when present: its first and last lines, then its first look), into one incident file; then empty the culprit; then mail flow; then
// the summary with the prevention findings.
export function buildRescuePlan(c: Culprit, mailPaths: readonly PlanMailPath[], destination: RescuePlan['destination'], canCheckMailFlow: boolean): RescuePlan {
  const sources: EvidenceSource[] = [];
  const add = (path: string, label: string) => {
    if (!sources.some((s) => s.path === path)) sources.push({ path, label });
  };
  for (const m of mailPaths) if (m.kind === 'spool-file' && m.exists && (m.sizeBytes ?? 0) > 0) add(m.path, m.label);
  if (c.suspect.kind === 'mailbox') add(c.suspect.hostPath, c.suspect.label);
  if (c.suspect.kind === 'queue') add(c.suspect.hostPath, c.suspect.label);
  const logs = mailPaths.filter((m) => m.kind === 'log-file' && m.exists && (m.sizeBytes ?? 0) > 0);
  for (const m of logs) add(m.path, m.label);
  const target: EmptyTarget = { path: c.suspect.hostPath, kind: c.suspect.kind === 'queue' ? 'dir' : 'file', label: c.suspect.label };
  const steps: PlanStep[] = [];
  if (destination) steps.push({ kind: 'capture', sources, incidentFile: destination.file, maillogs: logs.map((m) => m.path) });
  steps.push({ kind: 'empty', target });
  if (canCheckMailFlow) steps.push({ kind: 'mailflow' });
  steps.push({ kind: 'summary' });
  return { culprit: c, destination, steps };
}
