import type { HotspotReport } from './rank.js';

// The --json document of `hotspots` in the one vocabulary (docs/json.md): paths as the rescued
// system sees them plus `hostPath` where they differ; byte figures named by what they count
// (allocated space as du counts it, apparent size as ls -l shows it).

type ToSystem = (hostPath: string) => string;

// `path` as the rescued system sees it, and `hostPath` when that is another path on this machine.
function located<T extends { path: string }>(row: T, toSystem: ToSystem): Omit<T, 'path'> & { path: string; hostPath?: string } {
  const shown = toSystem(row.path);
  const { path: host, ...rest } = row;
  return shown === host ? { path: shown, ...rest } : { path: shown, hostPath: host, ...rest };
}

// The whole report, every path mapped, every byte figure ending in Bytes.
export function hotspotsJson(r: HotspotReport, toSystem: ToSystem): Record<string, unknown> {
  const row = ({ bytes, ...x }: HotspotReport['byBytes'][number]) => located({ ...x, allocatedBytes: bytes }, toSystem);
  const file = ({ bytes, size, ...x }: HotspotReport['largestFiles'][number]) => located({ ...x, allocatedBytes: bytes, sizeBytes: size }, toSystem);
  const { root, byBytes, byEntries, largestFiles, skippedMounts, errors, errorCount, elapsedMs, ...rest } = r;
  return {
    ...located({ path: root }, toSystem),
    ...rest,
    byBytes: byBytes.map(row),
    byEntries: byEntries.map(row),
    largestFiles: largestFiles.map(file),
    skippedMounts: skippedMounts.map(toSystem),
    errors: errors.map((e) => located(e, toSystem)),
    errorCount,
    elapsedMs,
  };
}
