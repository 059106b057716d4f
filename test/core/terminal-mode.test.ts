import { describe, expect, it } from 'vitest';
import { decideTerminalMode } from '../../src/core/text/terminal-mode.js';

const base = { serialFlag: false, asciiFlag: false, noColorFlag: false, env: { TERM: 'xterm-256color' }, isTTY: true };

describe('terminal mode', () => {
  it('is colourful UTF-8 on an ordinary terminal', () => {
    expect(decideTerminalMode(base)).toEqual({ serial: false, ascii: false, color: true, serialReason: undefined });
  });
  it.each([
    [{ serialFlag: true }, '--serial'],
    [{ ttyPath: '/dev/ttyS0' }, 'serial line /dev/ttyS0'],
    [{ ttyPath: '/dev/ttyAMA0' }, 'serial line /dev/ttyAMA0'],
    [{ env: { TERM: 'vt100' } }, 'TERM=vt100'],
    [{ env: { TERM: 'vt220' } }, 'TERM=vt220'],
  ])('goes serial (ASCII, no colour) for %j', (over, reason) => {
    const m = decideTerminalMode({ ...base, ...over });
    expect(m).toMatchObject({ serial: true, ascii: true, color: false, serialReason: reason });
  });
  it('honours --ascii, --no-color and NO_COLOR on their own', () => {
    expect(decideTerminalMode({ ...base, asciiFlag: true })).toMatchObject({ serial: false, ascii: true, color: true });
    expect(decideTerminalMode({ ...base, noColorFlag: true })).toMatchObject({ serial: false, ascii: false, color: false });
    expect(decideTerminalMode({ ...base, env: { TERM: 'xterm', NO_COLOR: '1' } })).toMatchObject({ color: false });
    expect(decideTerminalMode({ ...base, env: { TERM: 'xterm', NO_COLOR: '' } })).toMatchObject({ color: true });
  });
  it('never colours a pipe', () => {
    expect(decideTerminalMode({ ...base, isTTY: false }).color).toBe(false);
  });
  it('a pseudo-terminal is not a serial line', () => {
    expect(decideTerminalMode({ ...base, ttyPath: '/dev/pts/3' }).serial).toBe(false);
  });
});

describe('ASCII glyphs where the terminal cannot show others', () => {
  it.each([
    [{ TERM: 'linux', LANG: 'en_US.UTF-8' }, 'TERM=linux'],
    [{ TERM: 'dumb' }, 'TERM=dumb'],
    [{ TERM: 'xterm', LANG: 'C' }, 'LANG=C'],
    [{ TERM: 'xterm', LANG: 'en_US.UTF-8', LC_CTYPE: 'ja_JP.eucJP' }, 'LC_CTYPE=ja_JP.eucJP'],
    [{ TERM: 'xterm', LANG: 'en_US.UTF-8', LC_ALL: 'POSIX' }, 'LC_ALL=POSIX'],
  ])('goes ASCII for %j', (env, reason) => {
    expect(decideTerminalMode({ ...base, env })).toMatchObject({ serial: false, ascii: true, asciiReason: reason });
  });
  it.each([[{ TERM: 'xterm', LANG: 'C.UTF-8' }], [{ TERM: 'xterm', LC_ALL: 'ja_JP.utf8', LANG: 'C' }], [{ TERM: 'xterm' }]])('keeps UTF-8 for %j', (env) => {
    expect(decideTerminalMode({ ...base, env })).toMatchObject({ ascii: false, asciiReason: undefined });
  });
  it('names the flag or the serial line as the reason when they decide', () => {
    expect(decideTerminalMode({ ...base, asciiFlag: true }).asciiReason).toBe('--ascii');
    expect(decideTerminalMode({ ...base, serialFlag: true }).asciiReason).toBe('--serial');
  });
});
