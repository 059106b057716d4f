import { describe, expect, it } from 'vitest';
import { BINDINGS, commandFor, helpSections } from '../../src/ui/keymap.js';
import type { Scope } from '../../src/ui/keys.js';
import { helpBarText } from '../../src/ui/components/HelpBar.js';
import { splitKeys } from '../../src/ui/key-action.js';

const LIST: Scope[] = ['list', 'global', 'steps'];

describe('keymap (ncdu-like)', () => {
  it.each([
    ['j', {}, 'down'],
    ['k', {}, 'up'],
    ['', { downArrow: true }, 'down'],
    ['', { upArrow: true }, 'up'],
    ['', { return: true }, 'open'],
    ['l', {}, 'open'],
    ['h', {}, 'back'],
    ['', { leftArrow: true }, 'back'],
    ['', { delete: true }, 'back'],
    ['', { backspace: true }, 'back'],
    ['', { tab: true }, 'nextStep'],
    ['', { tab: true, shift: true }, 'prevStep'],
    ['3', {}, 'gotoStep3'],
    ['?', {}, 'help'],
    ['q', {}, 'quit'],
    ['c', { ctrl: true }, 'interrupt'],
  ] as const)('%j %j in a list means %s', (input, key, command) => {
    expect(commandFor(input, key, LIST)).toBe(command);
  });

  it('pages with Space and PgDn, not n (ncdu sorts by name with n); the Delete key never goes up', () => {
    expect(commandFor(' ', {}, LIST)).toBe('pageDown');
    expect(commandFor('', { pageDown: true }, LIST)).toBe('pageDown');
    expect(commandFor('n', {}, LIST)).toBeUndefined();
    expect(commandFor('n', {}, ['inside', 'list', 'global', 'steps'])).toBeUndefined();
    expect(commandFor('', { delete: true, forwardDelete: true }, ['hotspots', 'list', 'global', 'steps'])).toBeUndefined();
    expect(commandFor('', { delete: true }, ['hotspots', 'list', 'global', 'steps'])).toBe('back');
  });

  it('opens the purge plan with d as ncdu deletes with it, where p does', () => {
    for (const scope of ['hotspots', 'inside', 'evidence']) {
      expect(commandFor('d', {}, [scope, 'list', 'global', 'steps'])).toBe('purge');
      expect(commandFor('p', {}, [scope, 'list', 'global', 'steps'])).toBe('purge');
    }
    expect(commandFor('d', {}, ['why', 'list', 'global', 'steps'])).toBe('whyDays');
    expect(helpBarText(['inside', 'list', 'global', 'steps'], 200)).toContain('Space next page');
    expect(helpBarText(['inside', 'list', 'global', 'steps'], 200)).toContain('p/d purge');
    expect(helpBarText(['inside', 'list', 'global', 'steps'], 200)).not.toMatch(/\bn next/);
  });

  it('gives a key the meaning of the most specific scope', () => {
    expect(commandFor('c', {}, ['hotspots', 'list', 'global'])).toBe('sortEntries');
    expect(commandFor('c', {}, ['inside', 'list', 'global'])).toBe('count');
    expect(commandFor('', { escape: true }, ['running', 'hotspots', 'list', 'global'])).toBe('cancel');
    expect(commandFor('', { escape: true }, ['dialog'])).toBe('cancel');
    expect(commandFor('', { escape: true }, ['help'])).toBe('help');
    expect(commandFor('', { escape: true }, ['hotspots', 'list', 'global'])).toBeUndefined();
  });

  it('gives digits one meaning everywhere a list or menu is: jump to a step (never pick an entry)', () => {
    for (const scopes of [['evidence', 'list', 'global', 'steps'], ['menu', 'list', 'global', 'steps'], ['hotspots', 'list', 'global', 'steps']] as Scope[][]) {
      expect(commandFor('2', {}, scopes)).toBe('gotoStep2');
      expect(commandFor('j', {}, scopes)).toBe('down');
      expect(commandFor('', { return: true }, scopes)).toBe('open');
    }
    expect(commandFor('2', {}, ['dialog'])).toBeUndefined();
    const help = helpSections().flatMap((s) => s.lines.map((l) => `${l.keys} ${l.help}`));
    expect(help).toContain('1-6 go to a step by number, from any screen or menu (digits never pick an entry)');
  });

  it('splits a run of keys delivered in one read into single keys', () => {
    expect(splitKeys('jj\r\u007fA\u0003')).toEqual([
      { input: 'j', key: {} },
      { input: 'j', key: {} },
      { input: '', key: { return: true } },
      { input: '', key: { delete: true } },
      { input: 'A', key: { shift: true } },
      { input: 'c', key: { ctrl: true } },
    ]);
  });
});

describe('help bar and full help', () => {
  it.each([80, 60, 40])('fits %i columns and always keeps help and quit', (width) => {
    for (const scopes of [['disks', 'list', 'global', 'steps'], ['running', 'purge', 'global', 'steps'], ['dialog'], ['evidence', 'global']] as Scope[][]) {
      const text = helpBarText(scopes, width - 1);
      expect(text.length).toBeLessThanOrEqual(width - 1);
      if (scopes.includes('global')) expect(text).toMatch(/\? help {2}q quit$/);
    }
  });

  it('shows the screen keys first: Disks says Enter scans, Look inside says count', () => {
    expect(helpBarText(['disks', 'list', 'global', 'steps'], 79)).toMatch(/^Enter scan it/);
    expect(helpBarText(['inside', 'list', 'global', 'steps'], 79)).toMatch(/^c count {2}o oldest\/newest/);
    expect(helpBarText(['dialog'], 79)).toBe('Esc cancel');
  });

  it('lists every binding that has a help text once in the full help', () => {
    const lines = helpSections().flatMap((s) => s.lines.map((l) => l.help));
    for (const b of BINDINGS) if (b.help) expect(lines).toContain(b.help);
    expect(new Set(lines).size).toBe(lines.length);
  });
});
