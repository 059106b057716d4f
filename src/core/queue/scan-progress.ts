import { queueFormatText } from './format-messages.js';
import { etaSeconds } from '../purge/progress.js';
import { fmtCount, fmtDuration } from '../text/units.js';

// Progress of a queue scan as data and as one status line: files read of the total the walk
// counted first, rate, elapsed time and ETA (the CLI prints it, a TUI may draw it).

// One progress report of the scan.
export interface ScanProgressFigures {
  files: number;
  /** Files counted by the walk before reading (undefined while counting). */
  total?: number;
  ratePerS: number;
  elapsedMs: number;
}

// Seconds left, or undefined before the total and a rate are known.
export function scanEtaS(p: ScanProgressFigures): number | undefined {
  if (p.total === undefined) return undefined;
  return etaSeconds(Math.min(p.files, p.total), p.total, p.ratePerS);
}

// "reading /var/spool/postfix: 12,000 / 50,000 files (24%), 9,000/s, 1.3 s, ETA 4.2 s".
export function scanProgressText(where: string, p: ScanProgressFigures): string {
  if (p.total === undefined) return queueFormatText().counting(where);
  const total = Math.max(p.total, p.files);
  const pct = total > 0 ? Math.min(100, Math.floor((p.files * 100) / total)) : 100;
  const eta = scanEtaS({ ...p, total });
  return queueFormatText().reading(where, fmtCount(p.files), fmtCount(total), pct, fmtCount(p.ratePerS), fmtDuration(p.elapsedMs / 1000), eta === undefined ? '-' : fmtDuration(eta));
}
