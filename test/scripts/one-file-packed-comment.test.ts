import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error the build script is plain JavaScript without types
import { joinChunks } from '../../scripts/build/one-file.mjs';
import { makeTempDir } from '../helpers/temp-dir.js';

// The one file keeps the chunks no start needs deflated in a trailing comment and reads them back
// from itself: run such a file for real, from another directory, and replace it while it runs.
describe('the one file reads its packed chunks from its own trailing comment', () => {
  const tmp = makeTempDir('onefile-packed');
  afterAll(tmp.cleanup);
  // the packed chunk holds non-ASCII text, "*/" and the marker's own words
  const said = `ディスク */ spoolrescue-chunks ${'y'.repeat(20_000)}`;
  const bodies = new Map([
    ['__entry.js', `"use strict";return(async()=>{const m=await __chunkImport("./chunk-BIG.js");process.stdout.write(m.said.length+" "+m.said.slice(0,24)+"\\n")})();`],
    ['chunk-BIG.js', `"use strict";exports.said=${JSON.stringify(said)};`],
  ]);
  const file = path.join(tmp.dir, 'one.cjs');
  fs.writeFileSync(file, joinChunks({ bodies, atStart: new Set(['__entry.js']), banner: '' }));

  it('gives back the packed chunk exactly, run from any directory', () => {
    const text = fs.readFileSync(file);
    expect(text.every((b) => b < 0x80)).toBe(true);
    expect(text.toString('latin1')).not.toContain('y'.repeat(100));
    const out = execFileSync(process.execPath, [file], { cwd: '/', encoding: 'utf8' });
    expect(out).toBe(`${said.length} ${said.slice(0, 24)}\n`);
  });

  it('refuses to run chunks of another build when the file was replaced while running', () => {
    // the entry waits for a line on stdin before importing the packed chunk; meanwhile the file
    // is replaced by a build whose marker differs
    const slow = new Map(bodies);
    slow.set('__entry.js', `require("node:fs").readFileSync(0);${bodies.get('__entry.js')}`);
    const moving = path.join(tmp.dir, 'moving.cjs');
    fs.writeFileSync(moving, joinChunks({ bodies: slow, atStart: new Set(['__entry.js']), banner: '' }));
    const other = new Map(slow);
    other.set('chunk-BIG.js', `"use strict";exports.said="other build ${'z'.repeat(20_000)}";`);
    const replacement = joinChunks({ bodies: other, atStart: new Set(['__entry.js']), banner: '' });
    fs.writeFileSync(path.join(tmp.dir, 'repl.cjs'), replacement);
    const run = spawnSync('sh', ['-c', `{ sleep 1; cat "$1" > "$2"; echo go; } | "$3" "$2"`, 'sh', path.join(tmp.dir, 'repl.cjs'), moving, process.execPath], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('changed on disk while it ran');
    expect(run.stdout).not.toContain('other build');
  });
});
