import type { CliIo } from './command.js';
import { writeControl } from '../io/terminal-sink.js';
import { terminalLine } from '../core/terminal-text.js';

// A progress line on stderr, redrawn in place at most every `everyMs` (serial consoles are slow),
// and only when stderr is a terminal: pipes and logs get no progress noise.
export interface StderrProgress {
  update(text: string): void;
  done(): void;
}

// Makes the progress line; a no-op when stderr is not a TTY.
export function stderrProgress(io: CliIo, everyMs = 250): StderrProgress {
  if (!io.stderr.isTTY) return { update() {}, done() {} };
  let last = 0;
  let shown = false;
  return {
    update(text) {
      const now = Date.now();
      if (now - last < everyMs) return;
      last = now;
      shown = true;
      writeControl(io.stderr, `\r${terminalLine(text).slice(0, Math.max(10, (io.stderr.columns ?? 80) - 1))}\x1b[K`);
    },
    done() {
      if (shown) writeControl(io.stderr, '\r\x1b[K');
      shown = false;
    },
  };
}
