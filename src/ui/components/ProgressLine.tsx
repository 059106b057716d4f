import React from 'react';
import { Box } from 'ink';
import { useTheme, T } from '../theme.js';
import { fmtCount, fmtDuration, fmtRate } from '../../core/text/units.js';
import { componentsText } from './messages.js';

// Live figures of a long operation: done (of total), rate and ETA; a bar only when the total is
// known. No spinner: values sit in fixed places so a serial console redraws only the digits.
export interface ProgressFigures {
  label: string;
  done: number;
  total?: number | null;
  /** Items per second. */
  rate?: number | null;
  etaSeconds?: number | null;
  /** Extra figure after the counts, e.g. "1.2 GiB freed". */
  extra?: string;
  /** What is being worked on (a path), shown on its own line. */
  detail?: string;
  stopping?: boolean;
}

// The bar as text, e.g. [#######-------------].
function progressBar(fraction: number, width: number, done: string, todo: string): string {
  const f = Math.min(1, Math.max(0, fraction));
  const n = Math.round(f * width);
  return `[${done.repeat(n)}${todo.repeat(width - n)}]`;
}

// Two lines: counts and bar; then rate, ETA and detail.
export function ProgressLine({ p, width }: { p: ProgressFigures; width: number }) {
  const theme = useTheme();
  const total = p.total ?? null;
  const counts = total !== null ? componentsText().of(fmtCount(p.done).padStart(fmtCount(total).length), fmtCount(total)) : fmtCount(p.done).padStart(9);
  const bar = total ? ` ${progressBar(p.done / total, 20, theme.glyph.barDone, theme.glyph.barTodo)} ${String(Math.floor((100 * p.done) / total)).padStart(3)}%` : '';
  const second = [p.rate !== undefined ? componentsText().rate(fmtRate(p.rate)) : '', p.etaSeconds !== undefined ? componentsText().eta(fmtDuration(p.etaSeconds)) : '', p.extra ?? '']
    .filter(Boolean)
    .join('   ');
  return (
    <Box flexDirection="column" width={width}>
      <T>{`${p.label} ${counts}${bar}`}</T>
      <T>{p.stopping ? componentsText().stopping : second}</T>
      {p.detail !== undefined ? <T>{p.detail}</T> : null}
    </Box>
  );
}
