import { describe, expect, it } from 'vitest';
import { fitLines } from '../../src/cli/fit-lines.js';
import { displayWidth } from '../../src/core/text/text-fit.js';

// Plans are fitted by display columns: a Japanese line wraps where an English one of the same
// length in characters would not, and continues under its value.
describe('fitLines by display width', () => {
  it('wraps a Japanese line wider than the width, continuing under the value after its label', () => {
    const line = '  注意: 採取後に 57 バイト届いています。切り詰める前にロックを取ったまま証跡ファイルへ追記します';
    expect(line.length).toBeLessThanOrEqual(80);
    const lines = fitLines([line], 80);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    // "  注意: " is 8 columns wide: the continuation starts under the value
    for (const l of lines.slice(1)) expect(l).toMatch(/^ {8}\S/);
    // nothing is cut
    const text = (s: string) => s.replace(/\s+/g, '');
    expect(text(lines.join(''))).toBe(text(line));
  });

  it('keeps an English line that fits, and wraps one that does not as before', () => {
    expect(fitLines(['  lock: postlock'], 80)).toEqual(['  lock: postlock']);
    const long = `  evidence: capture of 2026-01-05T10:00:00Z in /var/tmp/${'x'.repeat(60)}.md (size then 100 bytes)`;
    const lines = fitLines([long], 80);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[1].startsWith(' '.repeat(12))).toBe(true);
  });
});
