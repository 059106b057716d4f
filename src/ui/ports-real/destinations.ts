import fs from 'node:fs';
import type { DfFilesystem } from '../../core/df-model.js';
import { destinationProblem, type FsFacts } from '../../core/destination-rules.js';
import { devIdOf } from '../../core/mountinfo.js';
import { destinationCandidates } from '../../io/destination-check.js';
import type { Destination, EvidencePort } from '../ports.js';

// Where the incident file may go: the filesystems the evidence core offers (destinationCandidates:
// writable, with room, not the source's), then every other filesystem of the df report with the
// reason it is not offered, so "A" can show them and the operator can choose one knowingly.

// The destination rules' facts of a df row, or null when statfs did not answer.
export function factsOfRow(f: DfFilesystem): FsFacts | null {
  if (f.sizeBytes === null || f.availBytes === null || f.reservedBytes === null || f.inodes === null || f.inodesFree === null) return null;
  return { mount: f.mount, fstype: f.fstype, readOnly: f.readOnly, sizeBytes: f.sizeBytes, availBytes: f.availBytes, freeBytes: f.availBytes + f.reservedBytes, inodes: f.inodes, inodesFree: f.inodesFree };
}

// Why a filesystem of the report is not among the candidates, in words for its row.
export function hiddenReason(f: DfFilesystem, holdsSource: boolean): { ok: boolean; reason: string } {
  const facts = factsOfRow(f);
  const problem = f.readOnly ? 'read-only' : facts ? destinationProblem(facts) : 'no figures: statfs did not answer';
  if (problem) return { ok: false, reason: problem.startsWith(`${f.mount} `) ? problem.slice(f.mount.length + 1) : problem };
  if (holdsSource) return { ok: true, reason: 'holds what is being rescued' };
  return { ok: false, reason: 'not writable here' };
}

function devIdOfPath(p: string): string | null {
  try {
    return devIdOf(fs.statSync(p).dev);
  } catch {
    return null;
  }
}

// The Evidence step's destination list, offered ones first (in the evidence core's order).
export function listDestinations(rescuedRoot: string): EvidencePort['destinations'] {
  return async ({ report, troubled, source, fileName }) => {
    const subject = source ?? rescuedRoot;
    const candidates = destinationCandidates(subject, fileName);
    const out: Destination[] = candidates.map((c) => {
      const flagged = troubled.includes(c.mount);
      return { mount: c.mount, fstype: c.fstype, availBytes: c.availBytes, usePercent: c.usedPercent, file: c.suggestion, ok: true, troubled: flagged, ...(flagged ? { reason: 'flagged on the Disks screen' } : {}) };
    });
    const offered = new Set(candidates.map((c) => c.mount));
    const sourceDev = devIdOfPath(subject);
    for (const f of report?.filesystems ?? []) {
      if (offered.has(f.mount)) continue;
      const { ok, reason } = hiddenReason(f, f.devId === sourceDev);
      out.push({ mount: f.mount, fstype: f.fstype, availBytes: f.availBytes, usePercent: f.usePercent, file: `${f.mount === '/' ? '' : f.mount}/${fileName}`, ok, reason, troubled: true });
    }
    return out;
  };
}
