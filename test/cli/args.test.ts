import { describe, expect, it } from 'vitest';
import { checkPositionals, parseArgs, type FlagSpec } from '../../src/cli/args.js';
import { UsageError } from '../../src/core/cli-error.js';

const FLAGS: FlagSpec[] = [
  { name: 'json', type: 'boolean', description: '' },
  { name: 'limit', type: 'integer', description: '', valueName: 'N' },
  { name: 'top', type: 'integer', description: '', min: 1 },
  { name: 'incident', type: 'string', description: '', valueName: 'FILE' },
  { name: 'help', type: 'boolean', description: '' },
];

describe('parseArgs', () => {
  it('reads booleans, integers, strings and positionals in any order', () => {
    const r = parseArgs(['a', '--json', '--limit', '7', '--incident=/x/y.md', 'b'], FLAGS, 't');
    expect(r.positionals).toEqual(['a', 'b']);
    expect(r.flags).toEqual({ json: true, limit: 7, incident: '/x/y.md' });
  });

  it('treats everything after -- as positionals (names that start with a dash)', () => {
    expect(parseArgs(['--', '--json', '-x'], FLAGS, 't').positionals).toEqual(['--json', '-x']);
  });

  it.each([
    [['--bogus'], "t: unknown option '--bogus'"],
    [['-q'], "t: unknown option '-q'"],
    [['--limit'], 't: --limit needs a value (N)'],
    [['--limit', 'ten'], "t: --limit expects a whole number, got 'ten'"],
    [['--limit', '-3'], "t: --limit expects a whole number, got '-3'"],
    [['--top', '0'], "t: --top must be a whole number >= 1, got '0'"],
    [['--json=yes'], 't: --json takes no value'],
    [['--incident='], 't: --incident needs a value (FILE)'],
  ])('rejects %j with a usage error', (argv, message) => {
    expect(() => parseArgs(argv, FLAGS, 't')).toThrow(UsageError);
    expect(() => parseArgs(argv, FLAGS, 't')).toThrow(message);
  });

  it('stops at the first positional when asked (subcommand lookup)', () => {
    const r = parseArgs(['--json', 'ls', '--limit', '3'], FLAGS, 't', true);
    expect(r.flags).toEqual({ json: true });
    expect(r.rest).toEqual(['ls', '--limit', '3']);
  });

  it('maps -h to --help', () => {
    expect(parseArgs(['-h'], FLAGS, 't').flags.help).toBe(true);
  });
});

describe('checkPositionals', () => {
  const spec = [
    { name: 'DIR', required: true, description: '' },
    { name: 'MORE', required: false, description: '' },
  ];
  it('names the missing argument', () => {
    expect(() => checkPositionals([], spec, 'spoolrescue ls')).toThrow('spoolrescue ls: missing argument DIR');
  });
  it('names the unexpected argument', () => {
    expect(() => checkPositionals(['a', 'b', 'c'], spec, 'x')).toThrow("x: unexpected argument 'c'");
  });
  it('accepts optional ones absent', () => {
    expect(() => checkPositionals(['a'], spec, 'x')).not.toThrow();
  });
});
