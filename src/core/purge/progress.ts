// Progress of a purge as data (the TUI draws it, the CLI prints it on a terminal) and the rate/ETA
// arithmetic behind it, kept pure so it is tested without clocks.
import { escapeName } from '../text/escape-name.js';
import { fmtBytes, fmtCount, fmtDuration } from '../text/units.js';
import { purgeResultText } from './result-messages.js';

// Which step of a purge a progress report belongs to.
export type PurgePhase = 'counting' | 'swapping' | 'deleting' | 'postsuper';

// One progress report: what a TUI or a terminal line needs to show removed, freed, rate and ETA.
export interface PurgeProgress {
  phase: PurgePhase;
  /** Entries counted (counting) or removed (deleting, postsuper) so far. */
  done: number;
  /** Entries to remove, when counted. */
  total?: number;
  bytesFreed: number;
  /** Entries per second over the recent window. */
  ratePerS: number;
  /** Seconds left at the current rate, when the total is known. */
  etaS?: number;
  elapsedMs: number;
  /** Milliseconds after the process started when DIR was back in place, empty (swap only). */
  dirBackInPlaceAfterMs?: number;
  /** Which directory is being worked on (DIR or a set-aside copy), as shown to the operator. */
  where: string;
}

// Entries per second over a sliding window of samples, so a slow start does not skew the ETA.
export class RateMeter {
  private samples: { t: number; n: number }[] = [];
  constructor(private readonly windowMs = 3000) {}

  // Adds a sample (time in ms, count so far) and returns the current rate per second.
  sample(tMs: number, n: number): number {
    this.samples.push({ t: tMs, n });
    while (this.samples.length > 2 && tMs - this.samples[1].t >= this.windowMs) this.samples.shift();
    const first = this.samples[0];
    const dt = tMs - first.t;
    return dt > 0 ? ((n - first.n) * 1000) / dt : 0;
  }
}

// Seconds left for the rest of the entries at a rate, or undefined when it cannot be known.
export function etaSeconds(done: number, total: number | undefined, ratePerS: number): number | undefined {
  if (total === undefined || ratePerS <= 0) return undefined;
  return Math.max(0, (total - done) / ratePerS);
}

// One status line, figures first (a narrow terminal cuts the path, not the numbers):
// "deleting: 120,000 / 1,000,000 (12%) removed, 3 MiB freed, 80,000/s, ETA 11 s - /q/maildrop".
export function progressLine(p: PurgeProgress): string {
  const t = purgeResultText();
  const where = escapeName(p.where);
  if (p.phase === 'swapping') return t.swapped(where, p.dirBackInPlaceAfterMs === undefined ? null : fmtDuration(p.dirBackInPlaceAfterMs / 1000));
  if (p.phase === 'counting') return t.counting(fmtCount(p.done), where);
  let line = `${t.phase[p.phase]}: ${fmtCount(p.done)}`;
  if (p.total !== undefined) {
    const pct = p.total > 0 ? Math.min(100, Math.floor((p.done * 100) / p.total)) : 100;
    line += ` / ${fmtCount(p.total)} (${pct}%)`;
  }
  line += t.removed;
  if (p.bytesFreed > 0) line += t.freed(fmtBytes(p.bytesFreed));
  if (p.ratePerS > 0) line += t.rate(fmtCount(p.ratePerS));
  if (p.etaS !== undefined) line += t.eta(fmtDuration(p.etaS));
  return `${line} - ${where}`;
}
