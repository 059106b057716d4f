import fs from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { knownWidth } from '../../src/core/text/known-width.js';
import { displayWidth } from '../../src/core/text/text-fit.js';

// Every source file's text: what the tool can print in any language.
function sourceTexts(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceTexts(p);
    return /\.tsx?$/.test(e.name) ? [fs.readFileSync(p, 'utf8')] : [];
  });
}

// The widths answered without string-width must be string-width's, or tables shift by a column.
describe('terminal columns of known text without string-width', () => {
  it('agrees with string-width on every character of the Basic Multilingual Plane it answers for, alone, between letters and doubled', () => {
    let answered = 0;
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates are not characters
      const s = String.fromCharCode(c);
      const k = knownWidth(s);
      if (k === undefined) continue;
      answered++;
      if (k !== stringWidth(s) || knownWidth(`a${s}b`) !== stringWidth(`a${s}b`) || knownWidth(s + s) !== stringWidth(s + s)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
    // the ranges: ASCII, Latin, punctuation, arrows, box drawing, kana, CJK ideographs, fullwidth forms
    expect(answered).toBeGreaterThan(21_000);
  });

  it('leaves to string-width what can combine or take no column: marks, the soft hyphen, emoji, controls, escapes', () => {
    for (const s of ['e\u0301', '\u00ad', 'か\u3099', '\u{1F600}', '\u2764\ufe0f', '\u200b', '\u001b[31mred', '\t', 'a\u0000b']) {
      expect(knownWidth(s), JSON.stringify(s)).toBeUndefined();
      expect(displayWidth(s)).toBe(stringWidth(s));
    }
  });

  it('measures mixed Japanese and Latin text as string-width does', () => {
    for (const s of ['メールキュー 1,000,000 件（deferred）', 'ディスクの空き：0 B…', '/var/spool/postfix → 容量不足', '—×→…', '']) {
      expect(knownWidth(s)).toBe(stringWidth(s));
    }
  });

  it('answers for every character the tool itself prints, in English and in Japanese (no 50 ms load for its own words)', () => {
    const src = path.join(import.meta.dirname, '../../src');
    const unknown = new Set<string>();
    for (const text of sourceTexts(src)) for (const ch of text) if (ch > '\u007e' && knownWidth(ch) === undefined) unknown.add(ch);
    expect([...unknown]).toEqual([]);
    // the ellipsis of every shortened path is written as an escape in the source
    const cut = './chain99/level0\u2026vel1/level2';
    expect(knownWidth(cut)).toBe(cut.length);
  });
});
