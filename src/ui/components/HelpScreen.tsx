import React from 'react';
import { Box, Text } from 'ink';
import { LineWidth, T } from '../theme.js';
import { helpSections } from '../keys.js';

// Full help on "?": every key from the keymap, grouped; in two columns when the screen is wide.
export function HelpScreen({ width, height }: { width: number; height: number }) {
  const lines: { text: string; title?: boolean }[] = [];
  for (const s of helpSections()) {
    lines.push({ text: s.title, title: true });
    for (const l of s.lines) lines.push({ text: `  ${l.keys.padEnd(16)} ${l.help}` });
  }
  const columns = lines.length > height && width >= 160 ? 2 : 1;
  const perColumn = Math.ceil(lines.length / columns);
  const colWidth = Math.floor(width / columns);
  return (
    <Box flexDirection="row" width={width}>
      {Array.from({ length: columns }, (_, c) => (
        <LineWidth key={c} width={colWidth}>
        <Box flexDirection="column" width={colWidth}>
          {lines.slice(c * perColumn, c * perColumn + Math.min(perColumn, height)).map((l, i) =>
            l.title ? (
              <T key={i} tone="accent" bold>
                {l.text}
              </T>
            ) : (
              <T key={i}>
                {l.text}
              </T>
            ),
          )}
        </Box>
        </LineWidth>
      ))}
    </Box>
  );
}
