import { describe, expect, it } from 'vitest';
import { entryLine, formatMtime, formatSize, groupDigits, headerLine, shownPath } from '../../src/core/listing/format.js';
import type { ListingEntry } from '../../src/core/listing/entry.js';
import { displayWidth } from '../../src/core/text/text-fit.js';

const at = Date.UTC(2026, 10, 20, 3, 14, 5, 678);
const entry = (name: string, extra: Partial<ListingEntry> = {}): ListingEntry => ({ name, type: 'file', size: 812, mtimeMs: at, ...extra });

describe('sizes, times and counts', () => {
  it.each([
    [0, '0'],
    [812, '812'],
    [99_999, '99999'],
    [100_000, '98K'],
    [1_048_576, '1.0M'],
    [4 * 2 ** 30, '4.0G'],
    [1_023_999, '1000K'],
    [null, '?'],
  ])('formatSize(%s) = %s', (bytes, shown) => {
    expect(formatSize(bytes)).toBe(shown);
    expect(formatSize(bytes).length).toBeLessThanOrEqual(5);
  });

  it('shows mtime to the second, in UTC when asked', () => {
    expect(formatMtime(at, true)).toBe('2026-11-20 03:14:05');
    expect(formatMtime(null, true)).toBe('?');
  });

  it('groups digits the same way in every locale', () => {
    expect(groupDigits(1_000_000)).toBe('1,000,000');
    expect(groupDigits(999)).toBe('999');
    expect(groupDigits(0)).toBe('0');
  });
});

describe('entry lines', () => {
  const o = { width: 80, ascii: false, utc: true };

  it('shows type, size, mtime and name in fixed columns', () => {
    expect(headerLine()).toBe('T  SIZE MODIFIED            NAME');
    expect(entryLine(entry('4B2C1D9E0F'), o)).toEqual({ line: '-   812 2026-11-20 03:14:05 4B2C1D9E0F', shortened: false });
    expect(entryLine(entry('sub', { type: 'dir', size: 4096 }), o).line).toBe('d  4096 2026-11-20 03:14:05 sub');
    expect(entryLine(entry('lnk', { type: 'symlink', size: 4 }), o).line.startsWith('l     4 ')).toBe(true);
  });

  it('marks entries whose facts are missing, and says why', () => {
    const r = entryLine(entry('gone', { size: null, mtimeMs: null, error: 'ENOENT' }), o);
    expect(r.line).toBe('-     ? ?                   gone  [vanished while listing]');
  });

  it('never lets a control character, an escape sequence or a raw invalid byte through', () => {
    const hostile = [
      entry('new\nline'),
      entry('\x1b]0;owned\x07\x1b[2J'),
      entry('\r\x7f\x00'.replace('\x00', '')),
      entry('a\uFFFDb', { nameBytes: Buffer.from([0x61, 0xff, 0x62]) }),
    ];
    const lines = hostile.map((e) => entryLine(e, o).line);
    for (const l of lines) expect(l).not.toMatch(/[\x00-\x1f\x7f]/);
    expect(lines[0]).toContain('new\\nline');
    expect(lines[1]).toContain('\\033]0;owned\\a\\033[2J');
    expect(lines[3].endsWith('a\\377b')).toBe(true);
  });

  it('fits 80 columns whatever the name, shortening the middle visibly', () => {
    const names = ['x'.repeat(255), '\x01'.repeat(255), '漢'.repeat(85), 'é'.repeat(127), 'a\u0301'.repeat(100)];
    for (const n of names) {
      const r = entryLine(entry(n), o);
      expect(displayWidth(r.line)).toBeLessThanOrEqual(80);
      expect(r.shortened).toBe(true);
      expect(r.line).toContain('\u2026');
    }
    const bytes = Buffer.alloc(255, 0xff);
    const r = entryLine(entry(bytes.toString(), { nameBytes: bytes }), o);
    expect(r.line.length).toBeLessThanOrEqual(80);
    expect(r.line).toMatch(/ \\377(\\377)*\u2026(\\377)+$/);
  });

  it('uses a wider terminal when it has one', () => {
    const long = 'Q'.repeat(150);
    expect(entryLine(entry(long), { ...o, width: 200 }).line.endsWith(long)).toBe(true);
  });

  it('is pure ASCII in ASCII mode (serial console)', () => {
    const short = entryLine(entry('évian-漢-\u202e'), { ...o, ascii: true }).line;
    expect(short.endsWith(' \\303\\251vian-\\346\\274\\242-\\342\\200\\256')).toBe(true);
    const r = entryLine(entry('évian-漢-\u202e' + 'z'.repeat(80)), { ...o, ascii: true });
    expect(r.line).toMatch(/^[\x20-\x7e]+$/);
    expect(r.line).toContain('...');
    expect(r.line.length).toBeLessThanOrEqual(80);
    expect(shownPath('/var/spool/é', 80, true)).toBe('/var/spool/\\303\\251');
  });
});
