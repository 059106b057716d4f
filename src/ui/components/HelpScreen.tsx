import React from 'react';
import { Box } from 'ink';
import { LineWidth, T } from '../theme.js';
import { helpSections } from '../keymap.js';
import { componentsText } from './messages.js';
import { padCell } from '../../core/text/text-fit.js';

// Full help on "?": every key from the keymap, grouped; in two columns when the screen is wide,
// scrolled from `top` when it is short.
export function HelpScreen({ width, height, top = 0 }: { width: number; height: number; top?: number }) {
  const lines: { text: string; title?: boolean }[] = [];
  for (const s of helpSections()) {
    lines.push({ text: s.title, title: true });
    for (const l of s.lines) lines.push({ text: `  ${padCell(l.keys, 16)} ${l.help}` });
  }
  const columns = lines.length > height && width >= 160 ? 2 : 1;
  if (columns === 1 && lines.length > height) {
    const start = Math.min(top, Math.max(0, lines.length - (height - 1)));
    const shown = lines.slice(start, start + height - 1);
    const more = start + shown.length < lines.length ? componentsText().moreBelow(start + shown.length, lines.length) : componentsText().helpEnd;
    lines.splice(0, lines.length, ...shown, { text: more });
  }
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
