import { describe, expect, it } from 'vitest';
import { fmtCount, shortBytes, shortCount } from '../../src/core/text/units.js';

describe('table text', () => {
  it.each([
    [0, '0'],
    [812, '812'],
    [1024, '1.0K'],
    [4096, '4.0K'],
    [1536, '1.5K'],
    [10 * 1024, '10K'],
    [1023 * 1024 + 1, '1.0M'],
    [23 * 2 ** 30, '23G'],
    [1.5 * 2 ** 40, '1.5T'],
  ])('shortBytes(%d) = %s, rounded up like df -h', (n, s) => {
    expect(shortBytes(n)).toBe(s);
  });

  it.each([
    [999, '999'],
    [1000, '1.0K'],
    [10_100, '10.1K'],
    [450_000, '450K'],
    [1_234_567, '1.2M'],
    [999_999, '1.0M'],
  ])('shortCount(%d) = %s', (n, s) => {
    expect(shortCount(n)).toBe(s);
  });

  it('groups digits', () => {
    expect(fmtCount(505051)).toBe('505,051');
  });
});

describe('fmtCount without Intl', () => {
  it('groups as en-US toLocaleString does, signs and rounding included', () => {
    const values = [0, 7, 999, 1000, 12345, 999999, 1000000, 1234567890, -1, -1000, -98765432, 2.5, 1999.6, Number.MAX_SAFE_INTEGER, 1e21, NaN, Infinity];
    for (const v of values) expect(fmtCount(v)).toBe(Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '-');
  });
});
