import { fmtBytes, fmtCount, fmtDuration } from '../text/units.js';

// The full pass's progress line: where, how fast, how long still ("412 MB of 2.0 GB (20%),
// 350 MB/s, ETA 5.0s, 3,012,345 lines").
export function passProgressText(p: { bytesDone: number; bytesTotal: number; lines: number; fileIndex: number; files: number }, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? p.bytesDone / (elapsedMs / 1000) : 0;
  const pct = p.bytesTotal ? Math.min(100, (100 * p.bytesDone) / p.bytesTotal) : 0;
  const eta = rate > 0 ? Math.max(0, (p.bytesTotal - p.bytesDone) / rate) : NaN;
  const etaText = `ETA ${fmtDuration(eta)}`;
  const file = p.files > 1 ? ` file ${p.fileIndex + 1}/${p.files}` : '';
  return `maillog:${file} ${fmtBytes(p.bytesDone)} of ${fmtBytes(p.bytesTotal)} (${pct.toFixed(0)}%), ${fmtBytes(rate)}/s, ${etaText}, ${fmtCount(p.lines)} lines`;
}
