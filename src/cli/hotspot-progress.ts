import { escapeName } from '../core/text/escape-name.js';
import { fitMiddle } from '../core/text/text-fit.js';
import type { ScanProgress } from '../io/hotspots/scan.js';
import type { CliIo } from './command.js';
import { progressLine } from './progress-line.js';
import { fmtCount } from '../core/text/units.js';

// The hotspot scan on the one stderr progress line (only on a terminal; 2 redraws a second on a
// serial console): entries, rate and where the scan is, the path elided in the middle to fit.
export function scanProgress(io: CliIo, opts: { serial: boolean }): { onProgress?: (p: ScanProgress) => void; finish(): void } {
  // No callback at all off a terminal, so the scan does not even build progress reports.
  if (!io.stderr.isTTY) return { finish: () => undefined };
  const line = progressLine(io, opts.serial);
  const width = Math.max(40, (io.stderr.columns ?? 80) - 1);
  return {
    onProgress(p) {
      line.update(() => {
        const head = `scanning: ${fmtCount(p.entries)} entries, ${fmtCount(p.rate)}/s `;
        return head + fitMiddle(escapeName(p.currentPath), Math.max(10, width - head.length));
      });
    },
    finish: () => line.clear(),
  };
}
