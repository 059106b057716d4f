// The generated parts of docs/cli.md, rendered from the command table that `--help` prints, so
// the reference lists exactly the commands, arguments and options the CLI accepts.
import type { FlagSpec, PositionalSpec } from '../../src/cli/args.js';
import type { CommandSpec } from '../../src/cli/command.js';
import { usageLine } from '../../src/cli/help.js';

// What the exit codes mean; the numbers come from src/core/exit-codes.ts.
const EXIT_MEANINGS: Record<string, string> = {
  done: 'done',
  failed: 'failed (what was done so far is kept and reported)',
  usage: 'usage error: unknown option, missing or malformed argument',
  refused: 'refused for safety: nothing was changed',
};

// Help text is plain text for a terminal; in Markdown these characters would turn into markup.
/** @internal unit-tested on its own: test/scripts/cli-doc.test.ts */
export function inlineText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/([*_`[\]|])/g, '\\$1')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

const flagLabel = (f: FlagSpec): string => `--${f.name}${f.type === 'boolean' ? '' : ' ' + (f.valueName ?? 'VALUE')}`;

// The bounds of an option's value, in words, from its declared type (the label names the value).
function flagValue(f: FlagSpec): string {
  const bounds = f.type === 'integer' ? [`whole number >= ${f.min ?? 0}${f.max !== undefined ? `, <= ${f.max}` : ''}`] : [];
  return [...bounds, ...(f.repeatable ? ['repeatable'] : [])].join('; ');
}

function flagTable(flags: readonly FlagSpec[]): string {
  const rows = flags.map((f) => `| \`${flagLabel(f)}\` | ${flagValue(f)} | ${inlineText(f.description)} |`);
  return ['| option | value | meaning |', '|---|---|---|', ...rows].join('\n');
}

function argumentTable(positionals: readonly PositionalSpec[]): string {
  const rows = positionals.map((p) => `| \`${p.name}\` | ${p.required ? 'required' : 'optional'}${p.variadic ? ', repeatable' : ''} | ${inlineText(p.description)} |`);
  return ['| argument | | meaning |', '|---|---|---|', ...rows].join('\n');
}

// One command's generated block: summary, usage, arguments, options (the prose beside it is hand-written).
function commandBlock(c: CommandSpec): string {
  const parts = [`> ${inlineText(c.summary)}`, '', '```', `${usageLine(c)} [global options]`, '```'];
  if (c.positionals.length) parts.push('', argumentTable(c.positionals));
  if (c.flags.length) parts.push('', flagTable(c.flags));
  return parts.join('\n');
}

// The list of commands, linked to their sections, in the order `--help` gives them.
function commandsBlock(commands: readonly CommandSpec[]): string {
  const rows = commands.map((c) => `| [\`${c.name}\`](#${c.name}) | ${inlineText(c.summary)} |`);
  return ['| command | what it does |', '|---|---|', '| (none) | the guided walk in the terminal: disks > hotspots > look inside > evidence > purge > summary |', ...rows].join('\n');
}

// The exit codes table, from the numbers the CLI returns.
function exitCodesBlock(codes: Record<string, number>): string {
  const rows = Object.entries(codes).map(([name, n]) => `| \`${n}\` | ${inlineText(EXIT_MEANINGS[name] ?? name)} |`);
  return ['| code | meaning |', '|---|---|', ...rows].join('\n');
}

// Every generated block by name: `commands`, `global`, `exit-codes`, and one per command.
export function renderBlocks(commands: readonly CommandSpec[], globals: readonly FlagSpec[], codes: Record<string, number>): Map<string, string> {
  const blocks = new Map<string, string>([
    ['commands', commandsBlock(commands)],
    ['global', flagTable(globals)],
    ['exit-codes', exitCodesBlock(codes)],
  ]);
  for (const c of commands) blocks.set(`command ${c.name}`, commandBlock(c));
  return blocks;
}
