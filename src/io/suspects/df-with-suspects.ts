import type { DfReport } from '../../core/disks/model.js';
import type { SystemPaths } from '../../core/system-paths.js';
import { readDfReport, type DfOptions } from '../disks/df-report.js';
import { readSuspects } from './read-suspects.js';

// The df report with the likely culprits of the system under paths, read side by side: what
// `spoolrescue df` prints and the walk's Disks screen shows, so both name the same suspects.
export async function readDfWithSuspects(paths: SystemPaths, o: DfOptions & { postfixConfig?: string } = {}): Promise<DfReport> {
  const suspects = readSuspects(paths, { postfixConfig: o.postfixConfig });
  const report = await readDfReport(o);
  const found = await suspects;
  return { ...report, suspects: found.suspects, suspectsMs: found.elapsedMs };
}
