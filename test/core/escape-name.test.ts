import { describe, expect, it } from 'vitest';
import { escapeName, nameForJson } from '../../src/core/text/escape-name.js';

describe('escapeName (ls -b style)', () => {
  it.each([
    ['plain', 'plain'],
    ['with space', 'with space'],
    ['new\nline', 'new\\nline'],
    ['tab\there', 'tab\\there'],
    ['\x1b[31mred\x1b[0m', '\\033[31mred\\033[0m'],
    ['back\\slash', 'back\\\\slash'],
    ['del\x7f', 'del\\177'],
    ['bell\x07', 'bell\\a'],
    ['évian-ü', 'évian-ü'],
    ['rtl\u202eevil', 'rtl\\u{202e}evil'],
    ['c1\u009bx', 'c1\\u{9b}x'],
  ])('%j -> %s', (input, shown) => {
    expect(escapeName(input)).toBe(shown);
    expect(escapeName(Buffer.from(input))).toBe(shown);
  });

  it('escapes invalid UTF-8 bytes as octal and keeps the valid parts', () => {
    expect(escapeName(Buffer.from([0x61, 0xff, 0x62, 0xc3, 0xa9, 0xc3]))).toBe('a\\377bé\\303');
  });

  it('never lets a control byte through, whatever the input', () => {
    for (let b = 0; b < 256; b++) {
      const shown = escapeName(Buffer.from([0x41, b, 0x42]));
      expect(shown).not.toMatch(/[\x00-\x1f\x7f]/);
    }
  });

  it('keeps JSON lossless with nameBase64 when the bytes are not UTF-8', () => {
    expect(nameForJson(Buffer.from('ok\nname'))).toEqual({ name: 'ok\nname' });
    const raw = Buffer.from([0x66, 0x80, 0x6f]);
    const j = nameForJson(raw);
    expect(Buffer.from(j.nameBase64!, 'base64')).toEqual(raw);
  });

  it('shows only ASCII on an ASCII terminal: every non-ASCII byte as octal, like ls -b in the C locale', () => {
    expect(escapeName('évian', { ascii: true })).toBe('\\303\\251vian');
    expect(escapeName('rtl\u202e', { ascii: true })).toBe('rtl\\342\\200\\256');
    expect(escapeName(Buffer.from([0x61, 0xff, 0xc3, 0xa9]), { ascii: true })).toBe('a\\377\\303\\251');
    for (let cp = 0; cp < 0x800; cp++) expect(escapeName(String.fromCodePoint(cp), { ascii: true })).toMatch(/^[\x20-\x7e]+$/);
  });
});
