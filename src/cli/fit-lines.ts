import type { CommandContext } from './command.js';
import { displayWidth, wrapText } from '../core/text/text-fit.js';

// Plans and reviews are read before typing a confirmation, often on an 80-column console: every
// line longer than the width is wrapped, its continuation aligned under the value it continues
// ("  what:       ..." under the value, "  - item" under the item's text), never cut; widths are
// display columns (a Japanese character takes two).
export function fitLines(lines: readonly string[], width: number): string[] {
  return lines.flatMap((line) => {
    if (displayWidth(line) <= width) return [line];
    const lead = /^(\s*(?:- |[\p{L}\p{N}_ /-]+:\s+))/u.exec(line)?.[1] ?? /^\s*/.exec(line)![0] + '  ';
    const indent = ' '.repeat(Math.min(displayWidth(lead), Math.floor(width / 2)));
    return wrapText(line, width, indent);
  });
}

// The width plans are fitted to: the terminal's when stdout is one, else 80 (pipes, logs, serial).
export function planWidth(ctx: CommandContext): number {
  const out = ctx.io.stdout;
  return !ctx.terminal.serial && out.isTTY && out.columns ? Math.max(40, out.columns) : 80;
}
