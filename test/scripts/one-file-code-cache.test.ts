import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error the build script is plain JavaScript without types
import { codeCaches, joinChunks } from '../../scripts/build/one-file.mjs';
import { describeWith } from '../helpers/capabilities.js';
import { chunkCompileWatcher, type ChunkCompile } from '../helpers/chunk-compiles.js';
import { BUNDLE } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Runs FILE with node, every chunk compilation it makes noted (chunkCompileWatcher).
function runWatched(dir: string, file: string, args: string[] = []): { stdout: string; status: number | null; compiles: ChunkCompile[] } {
  const watch = chunkCompileWatcher(dir);
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, ['-r', watch.preload, file, ...args], { encoding: 'utf8', env, cwd: '/', timeout: 30_000 });
  return { stdout: r.stdout, status: r.status, compiles: watch.read() };
}

// V8's code caches made at build time beside the one file: used when this Node runs it, never
// with another build's chunks, and a refused or missing cache changes nothing but the time.
describe('the code caches beside the one file', () => {
  const tmp = makeTempDir('onefile-cache');
  afterAll(tmp.cleanup);
  const bodies = new Map([
    ['__entry.js', `"use strict";const a=require("./chunk-A.js");const b=require("./chunk-B.js");process.stdout.write(a.said+" "+b.twice(21)+"\\n");`],
    ['chunk-A.js', `"use strict";exports.said="from A";`],
    ['chunk-B.js', `"use strict";exports.twice=(n)=>n*2;`],
  ]);
  const write = (name: string, chunks: Map<string, string>, cacheOf: Map<string, string> = chunks) => {
    const file = path.join(tmp.dir, name);
    const caches = codeCaches(cacheOf);
    fs.writeFileSync(`${file}.code-cache`, caches.bytes);
    fs.writeFileSync(file, joinChunks({ bodies: chunks, atStart: new Set(chunks.keys()), banner: '' }));
    return file;
  };

  it('gives every chunk its cache, which V8 takes', () => {
    const r = runWatched(tmp.dir, write('one.cjs', bodies));
    expect(r.stdout).toBe('from A 42\n');
    expect(r.compiles.map((c) => c.name).sort()).toEqual(['__entry.js', 'chunk-A.js', 'chunk-B.js']);
    expect(r.compiles.every((c) => c.given && c.rejected === false)).toBe(true);
  });

  it("never gives a chunk another build's cache, even of the same length", () => {
    // the other build differs by one character in chunk B: same lengths, other code
    const other = new Map(bodies);
    other.set('chunk-B.js', `"use strict";exports.twice=(n)=>n*3;`);
    const file = write('stale.cjs', bodies, other);
    const r = runWatched(tmp.dir, file);
    expect(r.stdout).toBe('from A 42\n');
    expect(r.compiles.length).toBe(3);
    expect(r.compiles.some((c) => c.given)).toBe(false);
  });

  it('compiles from source when V8 refuses a cache, and stops reading the others', () => {
    const file = write('garbled.cjs', bodies);
    const bytes = fs.readFileSync(`${file}.code-cache`);
    // the header and the index stay, every cache after them is garbled
    const caches = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1;
    for (let i = caches; i < bytes.length; i += 1) bytes[i] ^= 0x5a;
    fs.writeFileSync(`${file}.code-cache`, bytes);
    const r = runWatched(tmp.dir, file);
    expect(r.stdout).toBe('from A 42\n');
    expect(r.compiles[0]).toMatchObject({ given: true, rejected: true });
    expect(r.compiles.slice(1).some((c) => c.given)).toBe(false);
  });

  it('compiles from source when the index is garbled, cut short or points past the end', () => {
    const file = write('index.cjs', bodies);
    const good = fs.readFileSync(`${file}.code-cache`);
    const header = good.indexOf(0x0a) + 1;
    const indexEnd = good.indexOf(0x0a, header);
    const index = JSON.parse(good.toString('latin1', header, indexEnd)) as Record<string, [number, number]>;
    const past = Object.fromEntries(Object.keys(index).map((n) => [n, [good.length, 100]]));
    const variants = [
      Buffer.concat([good.subarray(0, header), Buffer.from('{"__entry.js":[0,'), good.subarray(indexEnd)]),
      good.subarray(0, header + 10),
      Buffer.concat([good.subarray(0, header), Buffer.from(JSON.stringify(past)), good.subarray(indexEnd)]),
      Buffer.concat([good.subarray(0, header), Buffer.from('null'), good.subarray(indexEnd)]),
    ];
    for (const bytes of variants) {
      fs.writeFileSync(`${file}.code-cache`, bytes);
      const r = runWatched(tmp.dir, file);
      expect(r.stdout).toBe('from A 42\n');
      expect(r.status).toBe(0);
      expect(r.compiles.length).toBe(3);
      expect(r.compiles.some((c) => c.given)).toBe(false);
    }
  });

  it('never uses a cache another user could have written or planted: writable by others, a symlink, a FIFO', () => {
    const file = write('planted.cjs', bodies);
    const cache = `${file}.code-cache`;
    for (const mode of [0o646, 0o664]) {
      fs.chmodSync(cache, mode);
      const r = runWatched(tmp.dir, file);
      expect(r.stdout).toBe('from A 42\n');
      expect(r.compiles.some((c) => c.given)).toBe(false);
    }
    fs.chmodSync(cache, 0o644);
    expect(runWatched(tmp.dir, file).compiles.every((c) => c.given)).toBe(true);
    // a symlink to a good cache is not followed
    fs.renameSync(cache, `${cache}.real`);
    fs.symlinkSync(`${cache}.real`, cache);
    expect(runWatched(tmp.dir, file).compiles.some((c) => c.given)).toBe(false);
    // a FIFO neither blocks the start nor is read
    fs.rmSync(cache);
    expect(spawnSync('mkfifo', [cache]).status).toBe(0);
    const r = runWatched(tmp.dir, file);
    expect(r.stdout).toBe('from A 42\n');
    expect(r.compiles.some((c) => c.given)).toBe(false);
  });

  it('runs the same when copied alone, with no cache beside it', () => {
    const file = write('alone.cjs', bodies);
    fs.rmSync(`${file}.code-cache`);
    const r = runWatched(tmp.dir, file);
    expect(r.stdout).toBe('from A 42\n');
    expect(r.compiles.some((c) => c.given)).toBe(false);
  });

  it('the built bundle: this Node takes the caches of every chunk df --json compiles', () => {
    const r = runWatched(tmp.dir, BUNDLE, ['df', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
    // what every start runs, then df's own chunks: two groups, each compiled once
    expect(r.compiles.map((c) => c.name)).toEqual(['group-start.js', 'group-df.js']);
    expect(r.compiles.filter((c) => !(c.given && c.rejected === false))).toEqual([]);
  });
});

// A copy of the one file in /tmp, run as root: another user may have put a cache beside it first.
describeWith(['root'], 'a code cache owned by another user', () => {
  const tmp = makeTempDir('onefile-cache-owner');
  afterAll(tmp.cleanup);

  it('is never used, even with the right header and valid code', () => {
    const bodies = new Map([['__entry.js', `"use strict";process.stdout.write("ran\\n");`]]);
    const file = path.join(tmp.dir, 'one.cjs');
    const caches = codeCaches(bodies);
    fs.writeFileSync(`${file}.code-cache`, caches.bytes, { mode: 0o644 });
    fs.writeFileSync(file, joinChunks({ bodies, atStart: new Set(bodies.keys()), banner: '' }));
    expect(runWatched(tmp.dir, file).compiles.every((c) => c.given)).toBe(true);
    fs.chownSync(`${file}.code-cache`, 65534, 65534);
    const r = runWatched(tmp.dir, file);
    expect(r.stdout).toBe('ran\n');
    expect(r.compiles).toEqual([{ name: '__entry.js', given: false }]);
  });
});
