import type { CliIo } from '../cli/command.js';
import { progressLine, type PurgeProgress } from '../core/purge-progress.js';
import type { TerminalMode } from '../core/terminal-mode.js';
import { writeControl } from './terminal-sink.js';
import { terminalLine } from '../core/terminal-text.js';

// Shows purge progress on stderr, one line redrawn in place, only when stderr is a terminal (never
// in a pipe or a log), at most 4 redraws a second (2 on a serial console); the moment DIR is back
// in place (swap) gets a line of its own.
export function progressPrinter(io: CliIo, terminal: TerminalMode, nowMs: () => number = () => performance.now()): { onProgress: (p: PurgeProgress) => void; done: () => void } {
  const live = io.stderr.isTTY === true;
  const every = terminal.serial ? 500 : 250;
  let last = -Infinity;
  let shown = false;
  let lastPhase = '';
  return {
    onProgress(p) {
      if (!live) return;
      const t = nowMs();
      if (t - last < every && p.phase === lastPhase) return;
      last = t;
      lastPhase = p.phase;
      const width = Math.max(20, (io.stderr.columns || 80) - 1);
      const line = terminalLine(progressLine(p)).slice(0, width).padEnd(width);
      if (p.phase === 'swapping') {
        writeControl(io.stderr, `\r${line}\n`);
        shown = false;
        return;
      }
      writeControl(io.stderr, '\r' + line);
      shown = true;
    },
    done() {
      if (shown) writeControl(io.stderr, '\n');
      shown = false;
    },
  };
}
