import { UsageError } from '../core/cli-error.js';
import { cliText } from './messages.js';

// How one option is written and what value it takes; commands declare theirs as data.
export interface FlagSpec {
  name: string;
  type: 'boolean' | 'string' | 'integer';
  description: string;
  valueName?: string;
  /** Smallest accepted value for integer flags (default 0). */
  min?: number;
  /** Largest value accepted (integer flags); larger is a usage error. */
  max?: number;
  /** A string flag that may be given several times; its value is then a string[]. */
  repeatable?: boolean;
  /** One-letter spelling (boolean flags): a command's own wins over the global -h/-V (df -h). */
  short?: string;
  /** Shown as required in usage and help (the command itself says what is missing). */
  required?: boolean;
}

// A positional argument a command accepts, in order.
export interface PositionalSpec {
  name: string;
  required: boolean;
  description: string;
  /** The last positional may repeat (FILE...). */
  variadic?: boolean;
}

// Flag values by name: booleans are true when present, integers are checked numbers.
export type FlagValues = Record<string, string | number | boolean | string[] | undefined>;

export interface ParsedArgs {
  positionals: string[];
  flags: FlagValues;
}

const INTEGER = /^\d+$/;

function flagValue(spec: FlagSpec, raw: string, where: string): string | number {
  if (spec.type === 'string') return raw;
  if (!INTEGER.test(raw)) throw new UsageError(cliText().expectsWholeNumber(where, spec.name, raw));
  const n = Number(raw);
  const min = spec.min ?? 0;
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(cliText().atLeast(where, spec.name, min, raw));
  if (spec.max !== undefined && n > spec.max) throw new UsageError(cliText().atMost(where, spec.name, spec.max, raw));
  return n;
}

// Parses argv against declared flags; stops at the first positional when stopAtPositional is set
// (used to find the subcommand). Unknown options and missing values are usage errors (exit 2).
export function parseArgs(
  argv: readonly string[],
  flags: readonly FlagSpec[],
  where: string,
  stopAtPositional = false,
): ParsedArgs & { rest: string[] } {
  const byName = new Map(flags.map((f) => [f.name, f]));
  const out: ParsedArgs & { rest: string[] } = { positionals: [], flags: {}, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (token.startsWith('--') && token.length > 2) {
      const eq = token.indexOf('=');
      const name = eq === -1 ? token.slice(2) : token.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) throw new UsageError(cliText().unknownOption(where, `--${name}`));
      if (spec.type === 'boolean') {
        if (eq !== -1) throw new UsageError(cliText().takesNoValue(where, name));
        out.flags[name] = true;
        continue;
      }
      let raw: string | undefined;
      if (eq !== -1) raw = token.slice(eq + 1);
      else if (i + 1 < argv.length) raw = argv[++i];
      if (raw === undefined || raw === '') {
        throw new UsageError(cliText().needsValue(where, name, spec.valueName ?? 'VALUE'));
      }
      const value = flagValue(spec, raw, where);
      if (spec.repeatable) out.flags[name] = [...((out.flags[name] as string[] | undefined) ?? []), String(value)];
      else out.flags[name] = value;
      continue;
    }
    if (token.startsWith('-') && token.length > 1) {
      const own = flags.find((f) => f.short !== undefined && `-${f.short}` === token);
      if (own) {
        out.flags[own.name] = true;
        continue;
      }
      const known = token === '-h' ? 'help' : token === '-V' ? 'version' : undefined;
      if (known && byName.has(known)) {
        out.flags[known] = true;
        continue;
      }
      throw new UsageError(cliText().unknownOption(where, token));
    }
    if (stopAtPositional) {
      out.rest = argv.slice(i);
      return out;
    }
    out.positionals.push(token);
  }
  return out;
}

// Checks positional count against the spec: names what is missing or unexpected.
export function checkPositionals(positionals: readonly string[], specs: readonly PositionalSpec[], where: string): void {
  const required = specs.filter((p) => p.required).length;
  if (positionals.length < required) {
    throw new UsageError(cliText().missingArgument(where, specs[positionals.length].name));
  }
  if (positionals.length > specs.length && !specs[specs.length - 1]?.variadic) {
    throw new UsageError(cliText().unexpectedArgument(where, positionals[specs.length]));
  }
}
