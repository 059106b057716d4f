import type { FlagSpec } from './args.js';
import type { CommandSpec } from './command.js';
import { GLOBAL_FLAGS } from './global-flags.js';
import { VERSION } from '../version.js';
import { wrapText } from '../core/text/text-fit.js';

// Help is read on 80-column consoles (serial lines, rescue shells): every line fits in 80.
const HELP_WIDTH = 80;

const flagLabel = (f: FlagSpec): string => `${f.short ? `-${f.short}, ` : ''}--${f.name}${f.type === 'boolean' ? '' : ' ' + (f.valueName ?? 'VALUE')}`;

// Two columns: the label, then its description wrapped under itself.
function table(rows: [string, string][], indent = 2): string {
  const width = Math.min(28, Math.max(...rows.map(([a]) => a.length)) + 2);
  const pad = ' '.repeat(indent + width);
  const described = (b: string) => wrapText(b, HELP_WIDTH - pad.length, '').map((l, i) => (i === 0 ? l : pad + l));
  return rows
    .map(([a, b]) => {
      const [first, ...more] = described(b);
      const head = a.length + 2 > width ? [`${' '.repeat(indent)}${a}`, pad + first] : [`${' '.repeat(indent)}${a.padEnd(width)}${first}`];
      return [...head, ...more].join('\n');
    })
    .join('\n');
}

// Prose as written when it fits; else each paragraph (blank-line separated) reflowed to the width.
function fitted(text: string): string {
  if (text.split('\n').every((l) => l.length <= HELP_WIDTH)) return text;
  return text
    .split(/\n\s*\n/)
    .map((para) => wrapText(para.split('\n').join(' '), HELP_WIDTH, '').join('\n'))
    .join('\n\n');
}

const EXIT_CODES = 'Exit codes: 0 done, 1 failed, 2 usage error,\n            3 refused for safety (nothing changed).';

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
    if (line.trim() && line.length + 1 + w.length > HELP_WIDTH) {
      lines.push(line);
      line = indent + w;
    } else line = line.trim() ? `${line} ${w}` : `${line}${w}`;
  }
  return [...lines, line];
}

// The top-level help: what the tool is, the commands, global options and exit codes.
export function generalHelp(commands: readonly CommandSpec[]): string {
  return [
    `spoolrescue ${VERSION} - rescue a Linux mail server whose disk is full`,
    '',
    'Usage:',
    '  spoolrescue [global options]            guided walk in the terminal: disks >',
    '                                          hotspots > look inside > evidence >',
    '                                          purge > summary',
    '  spoolrescue <command> [options] [--json]',
    '',
    'Commands:',
    table(commands.map((c) => [c.name, c.summary])),
    '',
    'Global options:',
    table(GLOBAL_FLAGS.map((f) => [flagLabel(f), f.description])),
    '',
    EXIT_CODES,
    "Run 'spoolrescue <command> --help' for a command's options.",
    '',
  ].join('\n');
}

// Help for one command: usage, arguments, its own options, then the global ones.
export function commandHelp(c: CommandSpec): string {
  const parts = [fitted(`spoolrescue ${c.name} - ${c.summary}`), '', 'Usage:', ...usageLines(c)];
  if (c.positionals.length) parts.push('', 'Arguments:', table(c.positionals.map((p) => [p.name, p.description])));
  if (c.flags.length) parts.push('', 'Options:', table(c.flags.map((f) => [flagLabel(f), f.required ? `(required) ${f.description}` : f.description])));
  if (c.details) parts.push('', fitted(c.details.trimEnd()));
  parts.push('', 'Global options:', table(GLOBAL_FLAGS.map((f) => [flagLabel(f), f.description])), '', EXIT_CODES, '');
  return parts.join('\n');
}
