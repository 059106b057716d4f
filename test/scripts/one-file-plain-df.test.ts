import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error the build script is plain JavaScript without types
import { chunkBodies, joinChunks } from '../../scripts/build/one-file.mjs';
import { makeTempDir } from '../helpers/temp-dir.js';

// esbuild's split output in small: an entry whose command table imports df's chunk, which imports
// another; a third chunk only another command imports. Each big enough to be packed.
describe('the one-file bundle keeps df plain', () => {
  const tmp = makeTempDir('onefile');
  afterAll(tmp.cleanup);
  const big = (name: string) => `export const ${name}Text = ${JSON.stringify('x'.repeat(10_000))};\n`;
  fs.writeFileSync(path.join(tmp.dir, 'entry.js'), 'const COMMANDS=[{name:"df",load:async()=>(await import("./chunk-DF.js")).command},{name:"ls",load:async()=>(await import("./chunk-LS.js")).command}];\nexport { COMMANDS };\n');
  fs.writeFileSync(path.join(tmp.dir, 'chunk-DF.js'), `import { sharedText } from "./chunk-SHARED.js";\nexport const command = sharedText;\nexport const text = async () => (await import("./chunk-DFTEXT.js")).dfTextText;\n${big('df')}`);
  fs.writeFileSync(path.join(tmp.dir, 'chunk-DFTEXT.js'), big('dfText'));
  fs.writeFileSync(path.join(tmp.dir, 'chunk-SHARED.js'), big('shared'));
  fs.writeFileSync(path.join(tmp.dir, 'chunk-LS.js'), `export const command = 1;\n${big('ls')}`);

  it('stores df and what it imports as text, other commands deflated', async () => {
    const { bodies, atStart, keptPlain, dfChunks, dfTextChunks } = await chunkBodies({ outdir: tmp.dir, entry: 'entry.js' });
    expect([...atStart]).toEqual(['__entry.js']);
    // df's own chunks, and what it imports only to print text
    expect([...dfChunks].sort()).toEqual(['chunk-DF.js', 'chunk-SHARED.js']);
    expect([...dfTextChunks]).toEqual(['chunk-DFTEXT.js']);
    expect([...keptPlain].sort()).toEqual(['__entry.js', 'chunk-DF.js', 'chunk-DFTEXT.js', 'chunk-SHARED.js']);
    const text: string = joinChunks({ bodies, atStart, keptPlain, banner: '' });
    const plain = text.slice(text.indexOf('const __chunks'), text.indexOf('const __packedMarker'));
    const packedAt = text.slice(text.indexOf('const __packedAt'));
    expect(['chunk-DF.js', 'chunk-SHARED.js', 'chunk-DFTEXT.js'].every((n) => plain.includes(`"${n}":"`))).toBe(true);
    expect(plain).not.toContain('chunk-LS.js":');
    expect(packedAt).toContain('"chunk-LS.js":[');
    // the packed chunk's text is nowhere in the code, only deflated in the trailing comment
    expect(text).not.toContain('lsText');
    expect(text).toContain('sharedText');
  });
});
