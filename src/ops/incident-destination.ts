import path from 'node:path';
import { CliError } from '../core/cli-error.js';
import type { DfFilesystem, DfReport } from '../core/disks/model.js';
import { destinationProblem, type DestinationCandidate, type FsFacts } from '../core/incident/destination-rules.js';
import { refuse, type Refused } from '../core/refusal.js';
import type { checkDestination, destinationCandidates } from '../io/incident/destination-check.js';
import type { checkIncidentUsable } from '../io/incident/file.js';
import { incidentDestinationText } from './messages/incident-destination.js';

// Where an incident file may be written, decided once for every step that appends to one
// (capture, maillog, the walk's Evidence step): its directory must exist, an existing file must
// pass the ownership rules, and the destination rules refuse a nearly full filesystem or the
// troubled one. A refusal carries the filesystems with room as data; each front-end words them.

// What is being written where.
export interface IncidentDestinationRequest {
  /** Absolute host path of the incident file (a path on this machine, never mapped under --root). */
  file: string;
  /** Host path of what is being captured or read: its filesystem is the troubled one. */
  subject: string;
  /** The operator chose this destination knowingly (--force-destination, or picked in the walk). */
  force: boolean;
}

// An accepted destination, with what the operator should still know.
export interface IncidentDestination {
  file: string;
  warnings: string[];
}

// A refused destination: the reason, and where the file could go instead.
export type IncidentDestinationRefused = Refused & { candidates: DestinationCandidate[] };

// Refusal codes: 'no-directory' and 'not-a-directory' are failures of the operator's path (the CLI
// exits 1), 'incident-file-refused' and 'destination-refused' are refusals for safety (exit 3).
// 'no-incident-file': none was named (a usage error in the CLI).
type IncidentDestinationCode = 'no-incident-file' | 'no-directory' | 'not-a-directory' | 'incident-file-refused' | 'destination-refused';

// The outside world the check reads.
export interface IncidentDestinationDeps {
  statDir(dir: string): { isDirectory(): boolean } | undefined;
  checkIncidentUsable: typeof checkIncidentUsable;
  checkDestination: typeof checkDestination;
  destinationCandidates: typeof destinationCandidates;
  /** The device id (as mountinfo writes it) of the filesystem holding a path, null when unknown. */
  deviceOf(p: string): string | null;
}

// The destination rules' facts of a df row, or null when statfs did not answer.
function factsOfRow(f: DfFilesystem): FsFacts | null {
  if (f.sizeBytes === null || f.availBytes === null || f.reservedBytes === null || f.inodes === null || f.inodesFree === null) return null;
  return { mount: f.mount, fstype: f.fstype, readOnly: f.readOnly, sizeBytes: f.sizeBytes, availBytes: f.availBytes, freeBytes: f.availBytes + f.reservedBytes, inodes: f.inodes, inodesFree: f.inodesFree };
}

function refused(code: IncidentDestinationCode, reason: string, hint?: string, candidates: DestinationCandidate[] = []): IncidentDestinationRefused {
  return { ...refuse(code, reason, hint), candidates };
}

// Checks the incident file before anything is read or written.
export function checkIncidentDestination(req: IncidentDestinationRequest, deps: IncidentDestinationDeps): IncidentDestination | IncidentDestinationRefused {
  const file = path.resolve(req.file);
  const dir = path.dirname(file);
  // the directory may be reached through a symlink (/var/run -> /run); the file itself never is
  const st = deps.statDir(dir);
  if (!st) return refused('no-directory', incidentDestinationText().noDirectory(dir), incidentDestinationText().noDirectoryHint);
  if (!st.isDirectory()) return refused('not-a-directory', incidentDestinationText().notDirectory(dir));
  try {
    deps.checkIncidentUsable(file, false);
  } catch (e) {
    if (e instanceof CliError) return refused('incident-file-refused', e.message, e.hint);
    throw e;
  }
  const report = deps.checkDestination(file, req.subject, req.force);
  if (!report.verdict.ok) return refused('destination-refused', incidentDestinationText().refused(file, report.verdict.reason), undefined, report.candidates);
  return { file, warnings: report.verdict.warnings };
}

// The refusal for an incident file nobody named, with the filesystems that have room for one.
export function noIncidentFile(subject: string, deps: IncidentDestinationDeps): IncidentDestinationRefused {
  return refused('no-incident-file', incidentDestinationText().required, undefined, deps.destinationCandidates(subject));
}

// A filesystem judged as a destination for the incident file, as the walk lists them.
export interface DestinationChoice {
  mount: string;
  fstype: string;
  availBytes: number | null;
  usePercent: number | null;
  /** Incident file proposed on this filesystem. */
  file: string;
  /** Passes the destination rules (writable, < 98% full, >= 10 MB available, not the source's). */
  ok: boolean;
  /** Why it is not ok, or why it is hidden although ok. */
  reason?: string;
  /** Holds what is being rescued or is flagged on the Disks screen: hidden unless asked for. */
  troubled: boolean;
}

// Why a filesystem of the df report is not among the candidates, in words for its row.
function hiddenReason(f: DfFilesystem, holdsSource: boolean): { ok: boolean; reason: string } {
  const facts = factsOfRow(f);
  const t = incidentDestinationText();
  const problem = f.readOnly ? t.readOnly : facts ? destinationProblem(facts) : t.noFigures;
  if (problem) return { ok: false, reason: problem.startsWith(`${f.mount} `) ? problem.slice(f.mount.length + 1) : problem };
  if (holdsSource) return { ok: true, reason: t.holdsSource };
  return { ok: false, reason: t.notWritable };
}

// Every filesystem as a destination: the candidates first (in the rules' order), then every
// other filesystem of the df report with the reason it is not offered, so the operator can
// still choose one knowingly.
export function destinationChoices(req: { report: DfReport | null; troubled: readonly string[]; subject: string; fileName: string }, deps: IncidentDestinationDeps): DestinationChoice[] {
  const candidates = deps.destinationCandidates(req.subject, req.fileName);
  const out: DestinationChoice[] = candidates.map((c) => {
    const flagged = req.troubled.includes(c.mount);
    return { mount: c.mount, fstype: c.fstype, availBytes: c.availBytes, usePercent: c.usedPercent, file: c.suggestion, ok: true, troubled: flagged, ...(flagged ? { reason: incidentDestinationText().flagged } : {}) };
  });
  const offered = new Set(candidates.map((c) => c.mount));
  const sourceDev = deps.deviceOf(req.subject);
  for (const f of req.report?.filesystems ?? []) {
    if (offered.has(f.mount)) continue;
    const { ok, reason } = hiddenReason(f, f.devId === sourceDev);
    out.push({ mount: f.mount, fstype: f.fstype, availBytes: f.availBytes, usePercent: f.usePercent, file: `${f.mount === '/' ? '' : f.mount}/${req.fileName}`, ok, reason, troubled: true });
  }
  return out;
}
