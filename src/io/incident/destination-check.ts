import fs from 'node:fs';
import path from 'node:path';
import { statfsIsLocal, type MountEntry } from '../../core/disks/mountinfo.js';
import { selectFilesystems } from '../../core/disks/model.js';
import { judgeDestination, rankCandidates, type DestinationCandidate, type DestinationVerdict } from '../../core/incident/destination-rules.js';
import { fsUsageOf, readMounts } from '../disks/fs-usage.js';

// The device a path lives on: the path itself, else its nearest existing parent.
function devOf(p: string): number | null {
  let probe = path.resolve(p);
  for (;;) {
    try {
      return fs.statSync(probe).dev;
    } catch {
      if (probe === '/') return null;
      probe = path.dirname(probe);
    }
  }
}

// The verdict on the chosen destination, plus alternatives when it is refused.
export interface DestinationReport {
  verdict: DestinationVerdict;
  /** Filesystems that could take the incident file instead (the troubled one left out). */
  candidates: DestinationCandidate[];
}

// Filesystems offered for the incident file: writable mounts with room, not the one of `capturedPath`.
// Only filesystems whose statfs answers from memory are looked at (one mount per filesystem, no
// pseudo filesystems): asking a dead NFS server or a hung FUSE daemon here would hang the rescue.
export function destinationCandidates(capturedPath: string, fileName = 'incident.md', mounts: readonly MountEntry[] = readMounts()): DestinationCandidate[] {
  const sourceDev = devOf(capturedPath);
  const facts = [];
  for (const m of selectFilesystems(mounts)) {
    if (m.readOnly || !statfsIsLocal(m.fstype)) continue;
    try {
      const st = fs.statSync(m.mountPoint);
      if (!st.isDirectory()) continue;
      let writable = true;
      try {
        fs.accessSync(m.mountPoint, fs.constants.W_OK);
      } catch {
        writable = false;
      }
      facts.push({ ...fsUsageOf(m.mountPoint, mounts), mount: m.mountPoint, sameAsSource: st.dev === sourceDev, writable });
    } catch {
      // a mount we cannot stat (stale NFS, permission) is simply not offered
    }
  }
  return rankCandidates(facts, fileName);
}

// Decides whether the incident file may go where the operator asked, and what else would do.
export function checkDestination(incidentPath: string, capturedPath: string, force: boolean): DestinationReport {
  const mounts = readMounts();
  const dest = fsUsageOf(path.dirname(path.resolve(incidentPath)), mounts);
  const source = fsUsageOf(capturedPath, mounts);
  const sameFilesystem = devOf(path.dirname(path.resolve(incidentPath))) === devOf(capturedPath);
  const verdict = judgeDestination({ dest, source, sameFilesystem, force });
  return { verdict, candidates: verdict.ok ? [] : destinationCandidates(capturedPath, path.basename(incidentPath), mounts) };
}
