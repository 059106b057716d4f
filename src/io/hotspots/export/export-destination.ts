import fs from 'node:fs';
import path from 'node:path';
import { destinationProblem, type DestinationCandidate } from '../../../core/incident/destination-rules.js';
import { hotspotsIoText } from '../messages.js';
import { refuse, type Refused } from '../../../core/refusal.js';
import { destinationCandidates } from '../../incident/destination-check.js';
import { fsUsageOf, readMounts } from '../../disks/fs-usage.js';

// Where an ncdu export of a scan may be written: never onto the filesystem being scanned (the
// export would take the space the rescue is freeing, and the scan would count it), nor onto a
// nearly full one, unless forced. Checked before the scan starts; the answer is data.

// An accepted export file; `forcedPast` names the problems a forced destination was allowed past.
export interface ExportDestination {
  file: string;
  forcedPast: string[];
}

// A refused export file: 'no-directory' and 'not-a-file' are the operator's path (exit 1 in the
// CLI), 'export-destination-refused' a refusal for safety with the filesystems that have room.
export type ExportDestinationRefused = Refused & { candidates: DestinationCandidate[] };

// Judges the absolute export path against the scan's start.
export function exportDestination(file: string, scanStart: string, force: boolean): ExportDestination | ExportDestinationRefused {
  const dir = path.dirname(file);
  const st = fs.statSync(dir, { throwIfNoEntry: false });
  if (!st?.isDirectory()) return { ...refuse('no-directory', hotspotsIoText().exportNoDirectory(dir), hotspotsIoText().exportNoDirectoryHint), candidates: [] };
  const existing = fs.lstatSync(file, { throwIfNoEntry: false });
  if (existing && !existing.isFile()) return { ...refuse('not-a-file', hotspotsIoText().exportNotFile(file), hotspotsIoText().exportNotFileHint), candidates: [] };
  const problems: string[] = [];
  if (st.dev === fs.statSync(scanStart).dev) problems.push(hotspotsIoText().exportOnScanned(scanStart));
  const own = destinationProblem(fsUsageOf(dir, readMounts()));
  if (own) problems.push(own);
  if (problems.length === 0 || force) return { file, forcedPast: problems };
  return { ...refuse('export-destination-refused', hotspotsIoText().exportRefused(file, problems.join('; '))), candidates: destinationCandidates(scanStart, path.basename(file)) };
}
