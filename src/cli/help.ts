import type { FlagSpec } from './args.js';
import type { CommandSpec } from './command.js';
import { GLOBAL_FLAGS } from './global-flags.js';
import { VERSION } from '../version.js';

const flagLabel = (f: FlagSpec): string => `--${f.name}${f.type === 'boolean' ? '' : ' ' + (f.valueName ?? 'VALUE')}`;

function table(rows: [string, string][], indent = 2): string {
  const width = Math.min(28, Math.max(...rows.map(([a]) => a.length)) + 2);
  return rows
    .map(([a, b]) => (a.length + 2 > width ? `${' '.repeat(indent)}${a}\n${' '.repeat(indent + width)}${b}` : `${' '.repeat(indent)}${a.padEnd(width)}${b}`))
    .join('\n');
}

const EXIT_CODES = 'Exit codes: 0 done, 1 failed, 2 usage error, 3 refused for safety (nothing changed).';

// Usage line of one command, as shown in help and in usage errors.
export function usageLine(c: CommandSpec): string {
  const pos = c.positionals.map((p) => (p.required ? p.name : `[${p.name}]`)).join(' ');
  const flags = c.flags.map((f) => `[${flagLabel(f)}]`).join(' ');
  return ['spoolrescue', c.name, pos, flags].filter(Boolean).join(' ');
}

// The top-level help: what the tool is, the commands, global options and exit codes.
export function generalHelp(commands: readonly CommandSpec[]): string {
  return [
    `spoolrescue ${VERSION} - rescue a Linux mail server whose disk is full`,
    '',
    'Usage:',
    '  spoolrescue [global options]            guided walk in the terminal:',
    '                                          disks > hotspots > look inside > evidence > purge > summary',
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
  const parts = [`spoolrescue ${c.name} - ${c.summary}`, '', 'Usage:', `  ${usageLine(c)}`];
  if (c.positionals.length) parts.push('', 'Arguments:', table(c.positionals.map((p) => [p.name, p.description])));
  if (c.flags.length) parts.push('', 'Options:', table(c.flags.map((f) => [flagLabel(f), f.description])));
  if (c.details) parts.push('', c.details.trimEnd());
  parts.push('', 'Global options:', table(GLOBAL_FLAGS.map((f) => [flagLabel(f), f.description])), '', EXIT_CODES, '');
  return parts.join('\n');
}
