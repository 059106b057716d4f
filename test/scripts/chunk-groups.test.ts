import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error the build script is plain JavaScript without types
import { codeCaches, groupChunks, groupsOf, joinChunks, splitChunks } from '../../scripts/build/one-file.mjs';
import { chunkCompileWatcher } from '../helpers/chunk-compiles.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Chunks always loaded together are stored and compiled as one group; the loader runs each member
// when it is first required, once, as it ran a chunk of its own.
describe('chunk groups', () => {
  const tmp = makeTempDir('chunk-groups');
  afterAll(tmp.cleanup);
  // C counts how often it runs; A (in the start group) and D (in another group) both need it, and
  // D needs F, which is in no group
  const bodies = new Map([
    ['__entry.js', `"use strict";return(async()=>{const a=require("./chunk-A.js");const d=await __chunkImport("./chunk-D.js");process.stdout.write(a.a+" "+d.d+" runs of C: "+globalThis.__runsOfC+"\\n")})();`],
    ['chunk-A.js', `"use strict";const c=require("./chunk-C.js");exports.a="A"+c.c;`],
    ['chunk-C.js', `"use strict";globalThis.__runsOfC=(globalThis.__runsOfC||0)+1;exports.c="C";`],
    ['chunk-D.js', `"use strict";const c=require("./chunk-C.js");const e=require("./chunk-E.js");const f=require("./chunk-F.js");exports.d="D"+c.c+e.e+f.f;`],
    ['chunk-E.js', `"use strict";exports.e="E";`],
    ['chunk-F.js', `"use strict";exports.f="F";`],
  ]);
  const groups = [
    ['group-start.js', new Set(['__entry.js', 'chunk-A.js', 'chunk-C.js'])],
    ['group-two.js', new Set(['chunk-D.js', 'chunk-E.js', 'chunk-C.js'])],
  ];
  const grouped = groupChunks({ bodies, atStart: new Set(['__entry.js', 'chunk-A.js', 'chunk-C.js']), groups });
  const expected = 'AC DCEF runs of C: 1\n';

  it('stores each group as one chunk that names its members, a chunk in two groups in the first only', () => {
    expect([...grouped.bodies.keys()].sort()).toEqual(['chunk-F.js', 'group-start.js', 'group-two.js']);
    expect(groupsOf(grouped.bodies)).toEqual({
      '__entry.js': 'group-start.js',
      'chunk-A.js': 'group-start.js',
      'chunk-C.js': 'group-start.js',
      'chunk-D.js': 'group-two.js',
      'chunk-E.js': 'group-two.js',
    });
    expect([...grouped.atStart]).toEqual(['group-start.js']);
  });

  it('leaves a group of one chunk as it was', () => {
    const one = groupChunks({ bodies, atStart: new Set(['__entry.js']), groups: [['group-one.js', new Set(['chunk-F.js', 'chunk-missing.js'])]] });
    expect([...one.bodies.keys()].sort()).toEqual([...bodies.keys()].sort());
    expect(groupsOf(one.bodies)).toEqual({});
  });

  const check = (file: string) => {
    const watch = chunkCompileWatcher(tmp.dir);
    const r = spawnSync(process.execPath, ['-r', watch.preload, file], { cwd: '/', encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(expected);
    expect(r.status).toBe(0);
    const compiles = watch.read();
    // one compile per group, each with its code cache, which V8 takes
    expect(compiles.map((c) => c.name)).toEqual(['group-start.js', 'group-two.js', 'chunk-F.js']);
    expect(compiles.every((c) => c.given && c.rejected === false)).toBe(true);
  };

  it('the one file runs every member once, each group compiled once with its code cache', () => {
    const caches = codeCaches(grouped.bodies);
    const file = path.join(tmp.dir, 'one.cjs');
    fs.writeFileSync(`${file}.code-cache`, caches.bytes, { mode: 0o644 });
    fs.writeFileSync(file, joinChunks({ ...grouped, banner: '' }));
    check(file);
  });

  it('the npm layout does the same from its chunk file', () => {
    const caches = codeCaches(grouped.bodies);
    const dir = path.join(tmp.dir, 'npm');
    fs.mkdirSync(dir);
    const layout = splitChunks({ bodies: grouped.bodies, banner: '', chunkFile: 'main.chunks', codeCacheFile: 'main.code-cache' });
    fs.writeFileSync(path.join(dir, 'main.code-cache'), caches.bytes, { mode: 0o644 });
    fs.writeFileSync(path.join(dir, 'main.chunks'), layout.chunks, { mode: 0o644 });
    fs.writeFileSync(path.join(dir, 'main.cjs'), layout.main);
    check(path.join(dir, 'main.cjs'));
  });
});
