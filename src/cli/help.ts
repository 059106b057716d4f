import type { FlagSpec } from './args.js';
import type { CommandSpec } from './command.js';
import { GLOBAL_FLAGS } from './global-flags.js';
import { VERSION } from '../version.js';
import { displayWidth } from '../core/text/text-fit.js';
import { wrapProse } from './wrap-prose.js';
import { cliText } from './messages.js';

// Help is read on 80-column consoles (serial lines, rescue shells): every line fits in 80.
const HELP_WIDTH = 80;

const flagLabel = (f: FlagSpec): string => `${f.short ? `-${f.short}, ` : ''}--${f.name}${f.type === 'boolean' ? '' : ' ' + (f.valueName ?? 'VALUE')}`;

// A label padded with spaces to `width` display columns.
const padLabel = (label: string, width: number) => label + ' '.repeat(Math.max(0, width - displayWidth(label)));

// Two columns: the label, then its description wrapped under itself (`width` fixes the label column).
function table(rows: [string, string][], indent = 2, width = Math.min(28, Math.max(...rows.map(([a]) => displayWidth(a))) + 2)): string {
  const pad = ' '.repeat(indent + width);
  const described = (b: string) => wrapProse(b, HELP_WIDTH - pad.length, '').map((l, i) => (i === 0 ? l : pad + l));
  return rows
    .map(([a, b]) => {
      const [first, ...more] = described(b);
      const head = displayWidth(a) + 2 > width ? [`${' '.repeat(indent)}${a}`, pad + first] : [`${' '.repeat(indent)}${padLabel(a, width)}${first}`];
      return [...head, ...more].join('\n');
    })
    .join('\n');
}

// The lines of one paragraph as one: joined by a space, except between two Japanese characters.
const WIDE_EDGE = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/u;
const joinLines = (lines: string[]) => lines.reduce((a, b) => (a === '' ? b : WIDE_EDGE.test(a.slice(-1)) && WIDE_EDGE.test(b[0] ?? '') ? a + b : `${a} ${b}`), '');

// Prose as written when it fits; else each paragraph (blank-line separated) reflowed to the width.
function fitted(text: string): string {
  if (text.split('\n').every((l) => displayWidth(l) <= HELP_WIDTH)) return text;
  return text
    .split(/\n\s*\n/)
    .map((para) => wrapProse(joinLines(para.split('\n')), HELP_WIDTH, '').join('\n'))
    .join('\n\n');
}

// The words of a usage line: required options first and bare, optional ones in brackets.
function usageWords(c: CommandSpec): string[] {
  const pos = c.positionals.map((p) => (p.required ? p.name : `[${p.name}]`));
  const label = (f: FlagSpec) => `--${f.name}${f.type === 'boolean' ? '' : ' ' + (f.valueName ?? 'VALUE')}`;
  const required = c.flags.filter((f) => f.required).map(label);
  const optional = c.flags.filter((f) => !f.required).map((f) => `[${label(f)}]`);
  return ['spoolrescue', c.name, ...pos, ...required, ...optional];
}

// Usage line of one command, on one line (the CLI reference).
export function usageLine(c: CommandSpec): string {
  return usageWords(c).join(' ');
}

// The usage of one command as help shows it: wrapped at option boundaries to fit 80 columns.
function usageLines(c: CommandSpec): string[] {
  const indent = ' '.repeat(2 + 'spoolrescue '.length + c.name.length + 1);
  const lines: string[] = [];
  let line = '  ';
  for (const w of usageWords(c)) {
    if (line.trim() && displayWidth(line) + 1 + displayWidth(w) > HELP_WIDTH) {
      lines.push(line);
      line = indent + w;
    } else line = line.trim() ? `${line} ${w}` : `${line}${w}`;
  }
  return [...lines, line];
}

// The top-level help: what the tool is, the commands, global options and exit codes.
export function generalHelp(commands: readonly Pick<CommandSpec, 'name' | 'summary'>[]): string {
  const t = cliText();
  return [
    fitted(t.title(VERSION)),
    '',
    t.usageHeading,
    table([[t.walkUsage, t.walkDescription]], 2, 40),
    `  ${t.commandUsage}`,
    '',
    t.commandsHeading,
    table(commands.map((c) => [c.name, c.summary])),
    '',
    t.globalOptionsHeading,
    table(GLOBAL_FLAGS.map((f) => [flagLabel(f), f.description])),
    '',
    t.exitCodes,
    t.moreHelp,
    '',
  ].join('\n');
}

// Help for one command: usage, arguments, its own options, then the global ones.
export function commandHelp(c: CommandSpec): string {
  const t = cliText();
  const parts = [fitted(`spoolrescue ${c.name} - ${c.summary}`), '', t.usageHeading, ...usageLines(c)];
  if (c.positionals.length) parts.push('', t.argumentsHeading, table(c.positionals.map((p) => [p.name, p.description])));
  if (c.flags.length) parts.push('', t.optionsHeading, table(c.flags.map((f) => [flagLabel(f), f.required ? t.required(f.description) : f.description])));
  if (c.details) parts.push('', fitted(c.details.trimEnd()));
  parts.push('', t.globalOptionsHeading, table(GLOBAL_FLAGS.map((f) => [flagLabel(f), f.description])), '', t.exitCodes, '');
  return parts.join('\n');
}
