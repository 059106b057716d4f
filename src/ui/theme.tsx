import React, { createContext, useContext, type ReactNode } from 'react';
import { Text } from 'ink';
import type { TerminalMode } from '../core/text/terminal-mode.js';
import { fitEnd } from '../core/text/text-fit.js';

// How the walk may draw on this terminal: glyphs and colours follow the terminal mode, so a
// serial console (ASCII, no colour) and a modern terminal share every component.
export interface Theme {
  ascii: boolean;
  color: boolean;
  serial: boolean;
  glyph: { pointer: string; barDone: string; barTodo: string; arrow: string; rule: string; sep: string };
}

// The theme for a terminal mode.
export function themeFor(mode: TerminalMode): Theme {
  const a = mode.ascii;
  return {
    ascii: a,
    color: mode.color,
    serial: mode.serial,
    glyph: {
      pointer: a ? '>' : '\u276f',
      barDone: a ? '#' : '\u2588',
      barTodo: a ? '-' : '\u2591',
      arrow: a ? '->' : '\u2192',
      rule: a ? '-' : '\u2500',
      sep: a ? '|' : '\u2502',
    },
  };
}

const ThemeContext = createContext<Theme>(themeFor({ serial: false, ascii: true, color: false }));
const WidthContext = createContext<number>(80);

// The width lines are cut to (the terminal's columns, or a column of the help screen).
export function LineWidth({ width, children }: { width: number; children: ReactNode }) {
  return <WidthContext.Provider value={width}>{children}</WidthContext.Provider>;
}

// Gives every component below the theme.
export function ThemeProvider({ theme, children }: { theme: Theme; children: ReactNode }) {
  return <ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>;
}

// The theme of the walk.
export function useTheme(): Theme {
  return useContext(ThemeContext);
}

// Tones a text may have; without colour they all look the same (words carry the meaning).
export type Tone = 'normal' | 'accent' | 'warn' | 'error' | 'ok' | 'dim';

const COLOR: Record<Tone, string | undefined> = { normal: undefined, accent: 'cyan', warn: 'yellow', error: 'red', ok: 'green', dim: 'gray' };

// One line of text, styled only when the terminal takes colour (no escape sequences otherwise)
// and cut to the line width: in ASCII mode by this code, because Ink's own truncation appends a
// non-ASCII ellipsis.
export function T({ tone = 'normal', bold, inverse, width, children }: { tone?: Tone; bold?: boolean; inverse?: boolean; width?: number; children: string }) {
  const theme = useTheme();
  const max = width ?? useContext(WidthContext);
  // Names are escaped before they get here; this is the net under messages that quote raw text
  // (an errno message with a path): no control character, and nothing beyond ASCII on a serial line.
  const clean = children.replace(theme.ascii ? /[^\x20-\x7e]/g : /[\u0000-\u001f\u007f]/g, '?');
  const text = theme.ascii ? fitEnd(clean, max, true) : clean;
  if (!theme.color) return <Text wrap="truncate">{text}</Text>;
  return (
    <Text wrap="truncate" color={COLOR[tone]} bold={bold} inverse={inverse}>
      {text}
    </Text>
  );
}
