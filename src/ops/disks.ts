import type { DfReport } from '../core/disks/model.js';
import { rescuedMounts } from '../core/disks/root-scope.js';
import type { SystemPaths } from '../core/system-paths.js';
import type { readDfWithSuspects } from '../io/suspects/df-with-suspects.js';

// The disks use case, for `spoolrescue df` and the walk's Disks step alike: every real
// filesystem's bytes and inodes, the files deleted but held open, and the likely culprits
// (suspects) before any scan; under --root, which filesystems hold the rescued system.

// What to read.
export interface DisksRequest {
  paths: SystemPaths;
  postfixConfig?: string;
  /** How long statfs of one network/FUSE filesystem may take (default 3000 ms). */
  timeoutMs?: number;
}

// The df report, and under --root the mount points of the rescued system (src/core/disks/root-scope.ts).
export interface DisksDone {
  report: DfReport;
  rescued?: readonly string[];
}

// The outside world of the df report; built once in src/ops/real/disks.ts.
export interface DisksDeps {
  readDfWithSuspects: typeof readDfWithSuspects;
  realpath(p: string): string;
}

// Nothing to decide before reading: the plan is the request.
export function planDisks(req: DisksRequest): DisksRequest {
  return req;
}

// Reads the filesystems (a dead network mount answers "not responding", it never hangs).
export async function runDisks(plan: DisksRequest, deps: DisksDeps, _onProgress?: undefined, signal?: AbortSignal): Promise<DisksDone> {
  const report = await deps.readDfWithSuspects(plan.paths, { timeoutMs: plan.timeoutMs, signal, postfixConfig: plan.postfixConfig });
  if (plan.paths.root === undefined) return { report };
  const realRoot = deps.realpath(plan.paths.root);
  return { report, rescued: rescuedMounts(report.filesystems.map((f) => f.mount), realRoot) };
}
