import type { CliIo } from '../cli/command.js';
import { escapeName } from '../core/escape-name.js';
import { elideMiddle, groupDigits } from '../core/table-text.js';
import type { ScanProgress } from './hotspot-scan.js';
import { writeControl } from './terminal-sink.js';
import { terminalLine } from '../core/terminal-text.js';

// A one-line progress display on stderr for the CLI, only when stderr is a terminal (never in
// pipes, logs or --json captures): entries, rate and where the scan is. A serial console gets at
// most 2 redraws a second. finish() clears the line.
export function stderrProgress(io: CliIo, opts: { serial: boolean }): { onProgress?: (p: ScanProgress) => void; finish(): void } {
  if (!io.stderr.isTTY) return { finish: () => undefined };
  const width = Math.max(40, (io.stderr.columns ?? 80) - 1);
  const every = opts.serial ? 500 : 100;
  let last = 0;
  let shown = false;
  return {
    onProgress(p) {
      if (p.elapsedMs - last < every) return;
      last = p.elapsedMs;
      const head = `scanning: ${groupDigits(p.entries)} entries, ${groupDigits(p.rate)}/s `;
      const line = head + elideMiddle(escapeName(p.currentPath), Math.max(10, width - head.length));
      writeControl(io.stderr, `\r${terminalLine(line).padEnd(width)}`);
      shown = true;
    },
    finish() {
      if (shown) writeControl(io.stderr, `\r${' '.repeat(width)}\r`);
    },
  };
}
