// Terminal columns of the text every screen prints, answered without string-width: loading that
// builds an Intl.Segmenter and emoji regular expressions, 50-70 ms of CPU, and a hotspots report
// paid it for the one ellipsis of a shortened path. Latin letters, punctuation, arrows and box
// drawing take one column; kana, CJK ideographs and fullwidth forms two. Each range agrees with
// string-width character by character (test/core/known-width.test.ts checks every one).

// One column each: printable ASCII, Latin-1 and Latin Extended-A/B (not U+00AD, the soft hyphen,
// which takes none), dashes, quotes, the ellipsis and other general punctuation, arrows, box drawing.
const NARROW = '\\u0020-\\u007E\\u00A0-\\u00AC\\u00AE-\\u024F\\u2010-\\u2027\\u2030-\\u205E\\u2190-\\u21FF\\u2500-\\u257F';
// Two columns each: CJK punctuation (not the tone marks U+302A-U+302D), hiragana and katakana (not
// the combining sound marks U+3099-U+309A), CJK ideographs, fullwidth forms.
const WIDE = '\\u3000-\\u3029\\u302E-\\u303E\\u3041-\\u3096\\u309B-\\u30FF\\u4E00-\\u9FFF\\uFF01-\\uFF60\\uFFE0-\\uFFE6';
// Printable ASCII only, the common case, answered with one test (string-width's own first test).
const PRINTABLE_ASCII = /^[\u0020-\u007E]*$/;
const ONLY_KNOWN = new RegExp(`^[${NARROW}${WIDE}]*$`);
const WIDE_CHARACTER = new RegExp(`[${WIDE}]`, 'g');

// Columns of s when every character of it is in the ranges above (none of them combines with its
// neighbour), else undefined: the caller measures it the slow way.
export function knownWidth(s: string): number | undefined {
  if (PRINTABLE_ASCII.test(s)) return s.length;
  if (!ONLY_KNOWN.test(s)) return undefined;
  WIDE_CHARACTER.lastIndex = 0;
  let wide = 0;
  while (WIDE_CHARACTER.test(s)) wide++;
  return s.length + wide;
}
