import React from 'react';
import { Box } from 'ink';
import { T, useTheme } from '../theme.js';
import { fitEnd } from '../../core/text/text-fit.js';
import { ListView } from './ListView.js';
import type { Choice } from '../walk/types.js';

// The menu widget's view (actions for a path, evidence destinations); its reducer is
// walk/menu.ts, its cursor lives in the walk's state and moves by the one keymap (j/k/arrows,
// g/G, PgUp/PgDn; Enter picks), like every other list. ASCII-safe through the theme.

// Cuts a label to the columns left after the pointer, measured on the terminal (a Japanese
// character takes two), never between the units of an escaped name.
function menuLabel(label: string, width: number, ascii: boolean): string {
  return fitEnd(label, Math.max(4, width - 3), ascii);
}

// The title and a window of the entries around the cursor.
export function Menu(props: { title?: string; items: readonly Choice[]; cursor: number; limit?: number; width: number }) {
  const { ascii } = useTheme();
  return (
    <Box flexDirection="column">
      {props.title ? (
        <T tone="accent" bold>
          {props.title}
        </T>
      ) : null}
      <ListView items={props.items} cursor={props.cursor} height={props.limit ?? props.items.length} line={(i) => menuLabel(i.label, props.width, ascii)} />
    </Box>
  );
}
