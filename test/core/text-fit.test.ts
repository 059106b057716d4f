import { describe, expect, it } from 'vitest';
import { displayWidth, fitEnd, fitMiddle, labelledLines, padCell, wrapText } from '../../src/core/text/text-fit.js';
import { escapeName } from '../../src/core/text/escape-name.js';

// The one shortening, padding and wrapping every screen and table uses: measured in terminal
// columns, keeping the end of a path, never cutting an escape or a character in half.

const JA = 'フォルダ'; // four characters, eight columns

describe('displayWidth', () => {
  it('counts East Asian wide characters as two columns and combining marks as none', () => {
    expect(displayWidth(JA)).toBe(8);
    expect(displayWidth('cafe\u0301')).toBe(4);
    expect(displayWidth('\\033\\377')).toBe(8);
  });
});

describe('fitMiddle', () => {
  it('keeps the end that tells two queue paths apart at 60 columns, with a visible marker', () => {
    const base = `/srv/rescue/${'mnt'.repeat(12)}/var/spool/postfix`;
    const a = fitMiddle(`${base}/defer/C`, 60);
    const b = fitMiddle(`${base}/deferred/C`, 60);
    expect(a).not.toBe(b);
    expect(a.endsWith('/defer/C')).toBe(true);
    expect(b.endsWith('/deferred/C')).toBe(true);
    expect(a).toContain('\u2026');
    expect(displayWidth(a)).toBe(60);
    expect(fitMiddle(`${base}/deferred/C`, 60, true)).toContain('...');
    expect(fitMiddle(`${base}/deferred/C`, 60, true)).toMatch(/^[\x20-\x7e]+$/);
  });

  it('measures Japanese names in columns and never splits a character', () => {
    const name = `/var/mail/${JA.repeat(10)}.mbox`;
    for (const w of [10, 11, 20, 21, 33]) {
      const fitted = fitMiddle(name, w);
      expect(displayWidth(fitted)).toBeLessThanOrEqual(w);
      expect(displayWidth(fitted)).toBeGreaterThanOrEqual(w - 1);
      expect(fitted.endsWith('.mbox')).toBe(true);
      expect(fitted).not.toContain('\ufffd');
    }
  });

  it('keeps a letter with its combining mark together', () => {
    const e = 'e\u0301';
    const fitted = fitMiddle(e.repeat(30), 10);
    expect(displayWidth(fitted)).toBe(10);
    expect(fitted.replace('\u2026', '')).toMatch(/^(e\u0301)+$/u);
  });

  it('cuts between escape sequences of hostile names, never through one', () => {
    const hostile = escapeName(Buffer.from([...Buffer.from('evil'), 0x1b, 0x5b, 0x32, 0x4a, 0xff, 0xfe, 0x0a, ...Buffer.from('x'.repeat(40))]));
    expect(hostile.startsWith('evil\\033[2J\\377\\376\\n')).toBe(true);
    for (let w = 8; w < 30; w++) {
      const fitted = fitMiddle(hostile, w, true);
      expect(displayWidth(fitted)).toBeLessThanOrEqual(w);
      const head = fitted.slice(0, fitted.indexOf('...'));
      expect(head).toMatch(/^(\\[0-7]{3}|\\n|[^\\])*$/);
    }
    const tenEscapes = '\\033'.repeat(30);
    expect(fitMiddle(tenEscapes, 21, true)).toBe('\\033\\033...\\033\\033');
  });

  it('leaves text that fits as it is', () => {
    expect(fitMiddle('short', 10)).toBe('short');
    expect(fitMiddle(JA, 8)).toBe(JA);
  });
});

describe('fitEnd and padCell', () => {
  it('cuts the end with a marker and pads by columns', () => {
    expect(fitEnd('Needs attention: inodes', 10, true)).toBe('Needs a...');
    expect(padCell(JA, 10)).toBe(`${JA}  `);
    expect(padCell('7', 4, 'right')).toBe('   7');
    expect(displayWidth(padCell(JA.repeat(3), 11))).toBe(11);
  });
});

describe('fitMiddle and fitEnd at the edges (one guard for both)', () => {
  for (const fit of [fitMiddle, fitEnd]) {
    it(`${fit.name}: nothing in no room, the text when it fits, whole units when the marker does not fit`, () => {
      expect(fit('/var/mail', 0)).toBe('');
      expect(fit('/var/mail', -3)).toBe('');
      expect(fit(JA, displayWidth(JA))).toBe(JA);
      // three columns cannot hold "..." and a character: the first whole units that fit, no half character
      expect(fit(JA, 3, true)).toBe(JA.slice(0, 1));
      // an escape sequence (four columns) is never cut in half
      expect(fit('\\033[2J', 3, true)).toBe('');
    });
  }
});

describe('wrapText', () => {
  it('wraps at spaces with the indent and keeps leading spaces', () => {
    expect(wrapText('alpha beta gamma delta epsilon', 12, '  ')).toEqual(['alpha beta', '  gamma', '  delta', '  epsilon']);
    expect(wrapText('  alpha beta gamma', 12, '    ')).toEqual(['  alpha beta', '    gamma']);
  });

  it('wraps Japanese text by columns and splits a word longer than the line whole', () => {
    const lines = wrapText(`reason: ${JA.repeat(5)} end`, 16, '  ');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(16);
    expect(lines.join('').replace(/ /g, '')).toBe(`reason:${JA.repeat(5)}end`);
  });

  it('loses no text of a long hostile name', () => {
    const name = escapeName(`a\u001b]0;x\u0007${'b'.repeat(50)}`);
    const lines = wrapText(`problem: ${name}`, 20, '  ');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(20);
    expect(lines.map((l) => l.trim()).join('')).toBe(`problem:${name}`);
  });
});

describe('labelledLines', () => {
  it('puts a long value under its label, split by columns, never shortened', () => {
    const value = `/dev/shm/${JA.repeat(6)}/incident.md`;
    const lines = labelledLines('Incident file:', value, 30);
    expect(lines[0]).toBe('Incident file:');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(30);
    expect(lines.slice(1).map((l) => l.slice(2)).join('')).toBe(value);
  });
});

describe('fitMiddle on text that is not a path', () => {
  it('keeps both halves of a sender address', () => {
    expect(fitMiddle('staff@corp.example', 17, true)).toBe('staff@c...example');
  });
});
