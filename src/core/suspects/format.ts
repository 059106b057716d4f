import { escapeName } from '../text/escape-name.js';
import { wrapText } from '../text/text-fit.js';
import type { Suspect } from './rank.js';

// The "likely culprits" block of `spoolrescue df`: what the operator looks at first, before a
// scan that may take minutes on a real server.

// Lines for a terminal of `width` columns: a heading and one wrapped line per suspect.
export function formatSuspects(suspects: readonly Suspect[], width = 80, ascii = false, elapsedMs?: number): string[] {
  const took = elapsedMs === undefined ? '' : ` (${Math.round(elapsedMs)} ms, no scan)`;
  if (suspects.length === 0) return wrapText(`Likely culprits${took}: none among Postfix's queues, the mail spool, the logs and /tmp.`, width, '    ');
  const lines = [`Likely culprits${took}, from the size of each place's own inode:`];
  for (const s of suspects) lines.push(...wrapText(`* ${escapeName(s.path, { ascii })} on ${escapeName(s.mount, { ascii })}: ${escapeName(s.reason, { ascii })}`, width, '    '));
  lines.push(...wrapText('The full scan confirms: spoolrescue hotspots MOUNT', width, ''));
  return lines;
}
