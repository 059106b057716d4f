// Progress of a purge as data (the TUI draws it, the CLI prints it on a terminal) and the rate/ETA
// arithmetic behind it, kept pure so it is tested without clocks.
import prettyBytes from 'pretty-bytes';
import { escapeName } from '../text/escape-name.js';

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

const int = (n: number) => Math.round(n).toLocaleString('en-US');

// Bytes in binary units with one decimal, e.g. "1.5 GiB".
export function formatBytes(n: number): string {
  return prettyBytes(n, { binary: true, maximumFractionDigits: 1 });
}

// Duration as "42 s", "3 min 05 s" or "1 h 02 min".
export function formatDuration(s: number): string {
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(Math.round(s % 60)).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

// One status line, figures first (a narrow terminal cuts the path, not the numbers):
// "deleting: 120,000 / 1,000,000 (12%) removed, 3 MiB freed, 80,000/s, ETA 11 s - /q/maildrop".
export function progressLine(p: PurgeProgress): string {
  const where = escapeName(p.where);
  if (p.phase === 'swapping') {
    const after = p.dirBackInPlaceAfterMs === undefined ? '' : ` ${formatDuration(p.dirBackInPlaceAfterMs / 1000)} after start`;
    return `swapped: ${where} is back in place, empty,${after}; the old one is deleted next`;
  }
  if (p.phase === 'counting') return `counting: ${int(p.done)} entries - ${where}`;
  let line = `${p.phase === 'postsuper' ? 'postsuper' : 'deleting'}: ${int(p.done)}`;
  if (p.total !== undefined) {
    const pct = p.total > 0 ? Math.min(100, Math.floor((p.done * 100) / p.total)) : 100;
    line += ` / ${int(p.total)} (${pct}%)`;
  }
  line += ' removed';
  if (p.bytesFreed > 0) line += `, ${formatBytes(p.bytesFreed)} freed`;
  if (p.ratePerS > 0) line += `, ${int(p.ratePerS)}/s`;
  if (p.etaS !== undefined) line += `, ETA ${formatDuration(p.etaS)}`;
  return `${line} - ${where}`;
}
