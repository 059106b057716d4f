import prettyBytes from 'pretty-bytes';
import { describe, expect, it } from 'vitest';
import { fmtBytes } from '../../src/core/text/units.js';

// What fmtBytes spelled when it called pretty-bytes (which loads ICU's number formatting).
function viaPrettyBytes(n: number): string {
  const short = prettyBytes(n, { binary: true, maximumFractionDigits: 1 });
  return parseFloat(short) >= 100 ? prettyBytes(n, { binary: true, maximumFractionDigits: 0 }) : short;
}

// Sizes spelled the same on every screen as before, without ICU's number formatting.
describe('bytes in binary units', () => {
  it('spells every size as pretty-bytes does: around each unit boundary, decimals that are not exact in binary, random sizes', () => {
    const values = [0, 0.5, 1, 99, 100, 101, 1023, 1024, 1025];
    for (let unit = 1; unit <= 8; unit++) {
      const base = 1024 ** unit;
      for (const f of [0.9999999, 1, 1.05, 1.1, 1.15, 2.3, 4.35, 9.95, 9.99, 10, 99.9, 99.99, 100, 100.5, 1023.9, 1023.99999])
        values.push(Math.round(base * f), base * f);
    }
    // a fixed-seed walk over many magnitudes (no Math.random: a failure must repeat)
    let x = 12345;
    for (let i = 0; i < 20_000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      values.push(Math.floor((x / 2147483648) * 10 ** (1 + (i % 19))));
    }
    const wrong = values.filter((v) => fmtBytes(v) !== viaPrettyBytes(v)).map((v) => `${v}: ${fmtBytes(v)} vs ${viaPrettyBytes(v)}`);
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('keeps its own sign and placeholder', () => {
    expect(fmtBytes(-1536)).toBe(`-${viaPrettyBytes(1536)}`);
    for (const missing of [null, undefined, NaN, Infinity]) expect(fmtBytes(missing)).toBe('-');
  });
});
