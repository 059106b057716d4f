import { describe, expect, it } from 'vitest';
import { parseSelectionLine } from '../../src/core/queue/selection-line.js';
import { parseMatch } from '../../src/core/queue/selection.js';

// The Queue step's typed selection: the --match words and ages on one line, parsed by the CLI's
// own parsers (so the same fields, globs and errors).

describe('parseSelectionLine', () => {
  it('reads FIELD=GLOB words and the ages, as the flags do', () => {
    const { selection, canonical } = parseSelectionLine('  domain=*.example   sender=<> older-than=4d newer-than=90s ');
    expect(canonical).toBe('domain=*.example sender=<> older-than=4d newer-than=90s');
    expect(selection.matches.map((m) => `${m.field}=${m.glob}`)).toEqual(['domain=*.example', 'sender=<>']);
    expect(selection.matches[0].re.source).toBe(parseMatch('domain=*.example').re.source);
    expect(selection.olderThanSec).toBe(4 * 86400);
    expect(selection.newerThanSec).toBe(90);
  });

  it('puts a word that starts no rule on the glob before it (reasons have spaces), even with an =', () => {
    const { selection } = parseSelectionLine('reason=*said: 550 x=y spam* sasl=web*');
    expect(selection.matches.map((m) => m.glob)).toEqual(['*said: 550 x=y spam*', 'web*']);
    expect(selection.matches[0].re.test('host mx said: 550 x=y spam detected')).toBe(true);
  });

  it('refuses what the flags refuse, with their words', () => {
    expect(() => parseSelectionLine('color=red')).toThrow("--match 'color=red': expected FIELD=GLOB with FIELD one of id, queue, sender");
    expect(() => parseSelectionLine('older-than=soon')).toThrow("'soon' is not a duration");
    expect(() => parseSelectionLine('just words')).toThrow('expected FIELD=GLOB');
  });

  it('an empty line selects nothing by itself (no rule, no age)', () => {
    expect(parseSelectionLine('   ')).toEqual({ selection: { matches: [] }, canonical: '' });
  });
});
