import type { CliIo } from './command.js';
import { terminalLine } from '../core/text/terminal-text.js';
import { writeControl } from '../io/system/terminal-sink.js';

// A one-line live progress display on stderr ("counting ...: 123,456 entries"), redrawn in place
// with a carriage return and throttled (a serial console at 9600 baud cannot take more), shown
// only when stderr is a terminal so pipes, logs and --json consumers never see it.
export interface ProgressLine {
  /** Shows text now if the last redraw is old enough (or when force is set); a function is only called then. */
  update(text: string | (() => string), force?: boolean): void;
  /** Erases the line so the next output starts clean. */
  clear(): void;
  /** Ends the line where it is, so it stays on screen and the next output starts below it. */
  keep(): void;
}

// Redraw pace and clock, injectable for tests.
export interface ProgressLineOptions {
  /** Redraw at most this often (default 100 ms; 500 ms on a serial console). */
  minIntervalMs?: number;
  /** Clock, injectable for tests. */
  now?: () => number;
}

const NOOP: ProgressLine = { update() {}, clear() {}, keep() {} };

// Builds the progress line for a command; a no-op when stderr is not a TTY.
export function progressLine(io: CliIo, serial: boolean, o: ProgressLineOptions = {}): ProgressLine {
  const err = io.stderr;
  if (!err.isTTY) return NOOP;
  const interval = o.minIntervalMs ?? (serial ? 500 : 100);
  const now = o.now ?? (() => performance.now());
  const width = Math.max(20, (serial ? 80 : err.columns || 80) - 1);
  let last = -Infinity;
  let shown = 0;
  return {
    update(text, force = false) {
      const t = now();
      if (!force && t - last < interval) return;
      last = t;
      const full = terminalLine(typeof text === 'function' ? text() : text);
      const line = full.length > width ? full.slice(0, width) : full;
      writeControl(err, '\r' + line.padEnd(shown));
      shown = line.length;
    },
    clear() {
      if (shown === 0) return;
      writeControl(err, '\r' + ' '.repeat(shown) + '\r');
      shown = 0;
    },
    keep() {
      if (shown === 0) return;
      writeControl(err, '\n');
      shown = 0;
    },
  };
}
