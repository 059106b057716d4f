import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineTextOf, scanInlineText } from '../../../scripts/i18n/inline-text.js';

const ROOT = join(import.meta.dirname, '../../..');

describe('human text lives in the message catalogues', () => {
  it('finds sentences, not codes, paths, flags or imports', () => {
    const source = [
      "import { x } from './a b.js';",
      "const a = 'inode-exhausted';",
      "const b = `${dir}/deferred`;",
      "const c = 'the queue is full';",
      "const d = `freed ${n} bytes of mail`;",
      "type K = 'one two';",
      "const e = { 'some key': 1 };",
      "const f = 'postfix stop'; // i18n-ignore: a command line shown as is",
    ].join('\n');
    const found = inlineTextOf('x.ts', source).map((f) => f.line);
    expect(found).toEqual([4, 5]);
  });

  it('no file in src/ holds inline human text', () => {
    const problems: string[] = [];
    for (const [file, texts] of scanInlineText(ROOT)) {
      problems.push(`${file}: ${texts.length} inline texts; move them into a catalogue:`);
      for (const t of texts) problems.push(`  ${t.line}: ${t.text}`);
    }
    expect(problems).toEqual([]);
  });
});
