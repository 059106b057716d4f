import { describe, expect, it } from 'vitest';
// @ts-expect-error the build script is plain JavaScript without types
import { joinChunks, wrappedChunk } from '../../scripts/build/one-file.mjs';

describe('the one-file bundle', () => {
  it('is ASCII only, and its chunk table gives back the chunks (as the loader compiles them) with their non-ASCII text', () => {
    const body = 'var PIECE=/[（「『]+/u,said="ディスクフルの救出 — é \u{1F600}";\n';
    const text: string = joinChunks({ bodies: new Map([['__entry.js', body]]), atStart: new Set(['__entry.js']), banner: '#!/usr/bin/env node' });
    expect(Buffer.from(text, 'utf8').every((b) => b < 0x80)).toBe(true);
    const table = text.slice(text.indexOf('const __chunks = ') + 'const __chunks = '.length, text.indexOf(';\nconst __packed'));
    expect(JSON.parse(table)).toEqual({ '__entry.js': `(function(exports,require,module,__chunkImport){${body}\n})` });
    expect(wrappedChunk(body)).toBe(`(function(exports,require,module,__chunkImport){${body}\n})`);
  });
});
