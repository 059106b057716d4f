import { progressLine as purgeProgressText, type PurgeProgress } from '../core/purge/progress.js';
import type { TerminalMode } from '../core/text/terminal-mode.js';
import type { CliIo } from './command.js';
import { progressLine } from './progress-line.js';

// Shows purge progress on the one stderr progress line: at most 4 redraws a second (2 on a serial
// console), at once when the phase changes; the moment DIR is back in place (swap) stays on a
// line of its own.
export function purgeProgressPrinter(io: CliIo, terminal: TerminalMode, nowMs?: () => number): { onProgress: (p: PurgeProgress) => void; done: () => void } {
  const line = progressLine(io, terminal.serial, { minIntervalMs: terminal.serial ? 500 : 250, now: nowMs });
  let lastPhase = '';
  return {
    onProgress(p) {
      const changed = p.phase !== lastPhase;
      lastPhase = p.phase;
      line.update(() => purgeProgressText(p), changed);
      if (p.phase === 'swapping') line.keep();
    },
    done: () => line.keep(),
  };
}
