import type { DfReport } from '../../core/disks/model.js';
import { parseMountinfo } from '../../core/disks/mountinfo.js';
import type { SystemPaths } from '../../core/system-paths.js';
import { readDfReport, readMountinfoText, type DfOptions } from '../disks/df-report.js';
import { readSuspects } from './read-suspects.js';
import { monotonicMs } from '../system/monotonic-ms.js';

// The df report with the likely culprits of the system under paths, read side by side: what
// `spoolrescue df` prints and the walk's Disks screen shows, so both name the same suspects.
// suspectsMs counts from startedAtMs (default: this call), the Postfix settings included.
export async function readDfWithSuspects(paths: SystemPaths, o: DfOptions & { postfixConfig?: string; startedAtMs?: number } = {}): Promise<DfReport> {
  const startedAtMs = o.startedAtMs ?? monotonicMs();
  // One reading of the mount table for both, parsed once: the suspects and the report name the
  // same mounts. Unreadable, the report reads it again and says why.
  const mountinfo = readOnce(o.deps?.readMountinfo ?? readMountinfoText);
  const mounts = mountinfo === undefined ? undefined : parseMountinfo(mountinfo);
  const suspects = readSuspects(paths, { postfixConfig: o.postfixConfig, startedAtMs, mounts });
  // The df report's /proc scan is synchronous: let the suspects answer first (they wait for
  // nothing unless postconf has to be asked, and then the scan runs while postconf does).
  await new Promise((resolve) => setImmediate(resolve));
  const report = await readDfReport({ ...o, mounts });
  const found = await suspects;
  return { ...report, suspects: found.suspects, suspectsMs: found.elapsedMs };
}

function readOnce(read: () => string): string | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
