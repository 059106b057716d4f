import { escapeName } from '../text/escape-name.js';
import { wrapText } from '../text/text-fit.js';
import type { Suspect } from './rank.js';
import { suspectsText } from './messages.js';
import { suspectWords } from './words.js';

// The "likely culprits" block of `spoolrescue df`: what the operator looks at first, before a
// scan that may take minutes on a real server.

// Lines for a terminal of `width` columns: a heading and one wrapped line per suspect.
export function formatSuspects(suspects: readonly Suspect[], width = 80, ascii = false, elapsedMs?: number): string[] {
  const t = suspectsText();
  const took = elapsedMs === undefined ? '' : t.took(Math.round(elapsedMs));
  if (suspects.length === 0) return wrapText(t.none(took), width, '    ');
  const lines = [t.heading(took)];
  for (const s of suspects) lines.push(...wrapText(t.line(escapeName(s.path, { ascii }), escapeName(s.mount, { ascii }), escapeName(suspectWords(s), { ascii })), width, '    '));
  lines.push(...wrapText(t.confirm, width, ''));
  return lines;
}
