import React from 'react';
import { Box } from 'ink';
import { T } from '../theme.js';
import { MIN_TERMINAL } from '../layout.js';
import { wrapText } from '../../core/text/text-fit.js';
import { componentsText } from './messages.js';

// What the walk shows on a terminal below its minimum size: the size it needs and has, wrapped to
// the width and cut to the rows there are; the walk's state is kept and comes back on resize.
export function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  const need = `${MIN_TERMINAL.columns}x${MIN_TERMINAL.rows}`;
  const lines = [
    ...wrapText(componentsText().tooSmall(need, `${columns}x${rows}`), columns, ''),
    ...wrapText(componentsText().enlarge, columns, ''),
  ].slice(0, Math.max(1, rows));
  return (
    <Box flexDirection="column" width={columns} height={Math.max(rows, 1)} overflow="hidden">
      {lines.map((l, i) => (
        <T key={i} tone={i === 0 ? 'warn' : undefined} width={columns}>
          {l}
        </T>
      ))}
    </Box>
  );
}
