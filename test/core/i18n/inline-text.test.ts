import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKLOG, inlineTextOf, readBacklog, scanInlineText } from '../../../scripts/i18n/inline-text.js';

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

  it('no file holds more inline text than the backlog allows, and the backlog only shrinks', () => {
    const backlog = readBacklog(readFileSync(join(ROOT, BACKLOG), 'utf8'));
    const problems: string[] = [];
    const found = scanInlineText(ROOT);
    for (const [file, texts] of found) {
      const allowed = backlog.get(file) ?? 0;
      if (texts.length > allowed) {
        problems.push(`${file}: ${texts.length} inline texts (allowed ${allowed}); move them into a catalogue:`);
        for (const t of texts) problems.push(`  ${t.line}: ${t.text}`);
      }
    }
    for (const [file, allowed] of backlog) {
      const now = found.get(file)?.length ?? 0;
      if (now < allowed) problems.push(`${file}: holds ${now} inline texts, the backlog says ${allowed}: lower it in ${BACKLOG}`);
    }
    expect(problems).toEqual([]);
  });
});
