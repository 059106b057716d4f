import path from 'node:path';
import { CliError } from '../core/cli-error.js';
import type { DestinationCandidate } from '../core/destination-rules.js';
import { refuse, type Refused } from '../core/refusal.js';
import type { checkDestination, destinationCandidates } from '../io/destination-check.js';
import type { checkIncidentUsable } from '../io/incident-file.js';

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
export type IncidentDestinationCode = 'no-incident-file' | 'no-directory' | 'not-a-directory' | 'incident-file-refused' | 'destination-refused';

// The outside world the check reads.
export interface IncidentDestinationDeps {
  statDir(dir: string): { isDirectory(): boolean } | undefined;
  checkIncidentUsable: typeof checkIncidentUsable;
  checkDestination: typeof checkDestination;
  destinationCandidates: typeof destinationCandidates;
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
  if (!st) return refused('no-directory', `the directory of the incident file does not exist: ${dir}`, 'Create it, or pick a file in an existing directory.');
  if (!st.isDirectory()) return refused('not-a-directory', `${dir} is not a directory`);
  try {
    deps.checkIncidentUsable(file, false);
  } catch (e) {
    if (e instanceof CliError) return refused('incident-file-refused', e.message, e.hint);
    throw e;
  }
  const report = deps.checkDestination(file, req.subject, req.force);
  if (!report.verdict.ok) return refused('destination-refused', `refusing to write the incident file ${file}: ${report.verdict.reason}. Nothing was written.`, undefined, report.candidates);
  return { file, warnings: report.verdict.warnings };
}

// The refusal for an incident file nobody named, with the filesystems that have room for one.
export function noIncidentFile(subject: string, deps: IncidentDestinationDeps): IncidentDestinationRefused {
  return refused('no-incident-file', 'an incident file is required (where the evidence is appended)', undefined, deps.destinationCandidates(subject));
}
