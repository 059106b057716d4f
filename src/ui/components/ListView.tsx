import React from 'react';
import { Box } from 'ink';
import { useTheme, T } from '../theme.js';
import { windowStart } from '../layout.js';

// A window onto a long list with a cursor: scrolls by whole pages so a serial console redraws
// a page at a time, not every line on every key.
export function ListView<I>(props: { items: readonly I[]; cursor: number; height: number; line: (item: I) => string; empty?: string; active?: boolean }) {
  const theme = useTheme();
  const { items, cursor, height } = props;
  if (items.length === 0) return <T>{props.empty ?? '(empty)'}</T>;
  const start = windowStart(cursor, height);
  const shown = items.slice(start, start + height);
  return (
    <Box flexDirection="column">
      {shown.map((item, i) => {
        const selected = props.active !== false && start + i === cursor;
        const text = `${selected ? theme.glyph.pointer : ' '} ${props.line(item)}`;
        return (
          <T key={start + i} inverse={selected} bold={selected}>
            {text}
          </T>
        );
      })}
    </Box>
  );
}
