import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error the build script is plain JavaScript without types
import { codeCaches, splitChunks } from '../../scripts/build/one-file.mjs';
import { describeWith } from '../helpers/capabilities.js';
import { chunkCompileWatcher } from '../helpers/chunk-compiles.js';
import { packedPackage } from '../helpers/npm-package.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const top = path.resolve(__dirname, '../..');

// The npm layout: a small main and its chunks in a file beside it, read by offset when required.
// What is read from that file is run: it is used only when it is the main's own (same owner,
// writable by no one else, of the same build), else the start stops with one line.
describe('the npm layout (a main and its chunk file)', () => {
  const tmp = makeTempDir('npm-layout');
  afterAll(tmp.cleanup);
  // the chunk text holds non-ASCII text and "*/": offsets are bytes, the text comes back whole
  const said = `ディスク */ ${'y'.repeat(20_000)}`;
  const bodies = new Map([
    ['__entry.js', `"use strict";return(async()=>{const a=require("./chunk-A.js");const m=await __chunkImport("./chunk-BIG.js");process.stdout.write(a.twice(21)+" "+m.said.length+" "+m.said.slice(0,12)+"\\n")})();`],
    ['chunk-A.js', `"use strict";exports.twice=(n)=>n*2;`],
    ['chunk-BIG.js', `"use strict";exports.said=${JSON.stringify(said)};`],
  ]);
  const expected = `42 ${said.length} ${said.slice(0, 12)}\n`;
  // writes the layout into DIR (main.cjs, main.chunks, main.code-cache) and gives the main's path
  const write = (dir: string, chunks: Map<string, string> = bodies) => {
    fs.mkdirSync(dir, { recursive: true });
    const caches = codeCaches(chunks);
    const layout = splitChunks({ bodies: chunks, banner: '', chunkFile: 'main.chunks', codeCacheFile: 'main.code-cache' });
    fs.writeFileSync(path.join(dir, 'main.code-cache'), caches.bytes, { mode: 0o644 });
    fs.writeFileSync(path.join(dir, 'main.chunks'), layout.chunks, { mode: 0o644 });
    fs.writeFileSync(path.join(dir, 'main.cjs'), layout.main);
    return path.join(dir, 'main.cjs');
  };
  const run = (file: string, preload: string[] = []) => spawnSync(process.execPath, [...preload, file], { cwd: '/', encoding: 'utf8', timeout: 30_000 });

  it('runs every chunk from the chunk file, from any directory, with the code caches V8 takes', () => {
    const file = write(path.join(tmp.dir, 'good'));
    const main = fs.readFileSync(file, 'utf8');
    expect(main).not.toContain('y'.repeat(100));
    expect(main).not.toContain('twice');
    const watch = chunkCompileWatcher(tmp.dir);
    const r = run(file, ['-r', watch.preload]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(expected);
    expect(r.status).toBe(0);
    const compiles = watch.read();
    expect(compiles.map((c) => c.name).sort()).toEqual(['__entry.js', 'chunk-A.js', 'chunk-BIG.js']);
    expect(compiles.every((c) => c.given && c.rejected === false)).toBe(true);
  });

  it('stops with one line when the chunk file is missing, cut short, of another build, writable by others, a symlink or a FIFO', () => {
    const dir = path.join(tmp.dir, 'bad');
    const file = write(dir);
    const chunks = path.join(dir, 'main.chunks');
    const good = fs.readFileSync(chunks);
    const refused = (what: string) => {
      const r = run(file);
      expect(r.status, what).toBe(1);
      expect(r.stdout, what).toBe('');
      expect(r.stderr, what).toMatch(/^spoolrescue: .*main\.chunks (is missing, unreadable, of another build, or not safe to run \(another owner, or writable by others\)|is cut short); install spoolrescue again\n$/);
    };
    fs.rmSync(chunks);
    refused('missing');
    fs.writeFileSync(chunks, good.subarray(0, good.length - 100), { mode: 0o644 });
    refused('cut short');
    // another build: same layout, one chunk changed
    const other = new Map(bodies);
    other.set('chunk-A.js', `"use strict";exports.twice=(n)=>n*3;`);
    write(path.join(tmp.dir, 'other'), other);
    fs.copyFileSync(path.join(tmp.dir, 'other', 'main.chunks'), chunks);
    refused('another build');
    fs.writeFileSync(chunks, good, { mode: 0o644 });
    for (const mode of [0o646, 0o664]) {
      fs.chmodSync(chunks, mode);
      refused(`mode ${mode.toString(8)}`);
    }
    fs.chmodSync(chunks, 0o644);
    expect(run(file).stdout).toBe(expected);
    fs.renameSync(chunks, `${chunks}.real`);
    fs.symlinkSync(`${chunks}.real`, chunks);
    refused('symlink');
    fs.rmSync(chunks);
    expect(spawnSync('mkfifo', [chunks]).status).toBe(0);
    refused('FIFO');
  });

  it('keeps reading the chunk file it opened when a reinstall replaces it while it runs', () => {
    const dir = path.join(tmp.dir, 'moving');
    const slow = new Map(bodies);
    // the entry loads chunk A, then waits for a line on stdin before importing the big chunk
    slow.set('__entry.js', `"use strict";return(async()=>{const a=require("./chunk-A.js");require("node:fs").readFileSync(0);const m=await __chunkImport("./chunk-BIG.js");process.stdout.write(a.twice(21)+" "+m.said.length+" "+m.said.slice(0,12)+"\\n")})();`);
    const file = write(dir, slow);
    const other = new Map(slow);
    other.set('chunk-BIG.js', `"use strict";exports.said="other build";`);
    write(path.join(tmp.dir, 'next'), other);
    // as a package manager does: the new file is renamed over the old name
    const r = spawnSync('sh', ['-c', `{ sleep 1; cp "$1" "$2.new" && mv "$2.new" "$2"; echo go; } | "$3" "$4"`, 'sh', path.join(tmp.dir, 'next', 'main.chunks'), path.join(dir, 'main.chunks'), process.execPath, file], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(expected);
    expect(r.status).toBe(0);
  });

  it('the built npm main: df --json with the code caches of every chunk it compiles, and far smaller than the one file', () => {
    const main = path.join(top, 'dist', 'spoolrescue-npm.cjs');
    const watch = chunkCompileWatcher(tmp.dir);
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const r = spawnSync(process.execPath, ['-r', watch.preload, path.join(top, 'bin', 'spoolrescue.cjs'), 'df', '--json'], { encoding: 'utf8', env, cwd: '/', timeout: 30_000 });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
    const compiles = watch.read();
    // what every start runs, then df's own chunks: two groups, each compiled once
    expect(compiles.map((c) => c.name)).toEqual(['group-start.js', 'group-df.js']);
    expect(compiles.filter((c) => !(c.given && c.rejected === false))).toEqual([]);
    expect(fs.statSync(main).size * 20).toBeLessThan(fs.statSync(path.join(top, 'dist', 'spoolrescue.cjs')).size);
  });
});

// What npm packs is all the entry needs: the package unpacked alone runs df.
describe('the npm package', () => {
  const tmp = makeTempDir('npm-pack');
  afterAll(tmp.cleanup);

  it('holds the main, its chunk file and the code caches: unpacked elsewhere, df --json runs with every cache taken', () => {
    const entry = path.join(packedPackage(tmp.dir).pkg, 'bin', 'spoolrescue.cjs');
    const watch = chunkCompileWatcher(tmp.dir);
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const r = spawnSync(process.execPath, ['-r', watch.preload, entry, 'df', '--json'], { encoding: 'utf8', env, cwd: '/', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
    expect(r.status).toBe(0);
    const compiles = watch.read();
    // what every start runs, then df's own chunks: two groups, each compiled once
    expect(compiles.map((c) => c.name)).toEqual(['group-start.js', 'group-df.js']);
    expect(compiles.filter((c) => !(c.given && c.rejected === false))).toEqual([]);
  });
});

// The package installed by root, its chunk file made another user's: never run.
describeWith(['root'], 'an npm chunk file owned by another user', () => {
  const tmp = makeTempDir('npm-layout-owner');
  afterAll(tmp.cleanup);

  it('is refused, even of the right build', () => {
    const bodies = new Map([['__entry.js', `"use strict";process.stdout.write("ran\\n");`]]);
    const layout = splitChunks({ bodies, banner: '', chunkFile: 'main.chunks', codeCacheFile: 'main.code-cache' });
    const file = path.join(tmp.dir, 'main.cjs');
    fs.writeFileSync(file, layout.main);
    fs.writeFileSync(path.join(tmp.dir, 'main.chunks'), layout.chunks, { mode: 0o644 });
    expect(spawnSync(process.execPath, [file], { encoding: 'utf8' }).stdout).toBe('ran\n');
    fs.chownSync(path.join(tmp.dir, 'main.chunks'), 65534, 65534);
    const r = spawnSync(process.execPath, [file], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('not safe to run (another owner, or writable by others)');
  });

  it('run by another user who may not read it: one line that says so, nothing on stdout', () => {
    const bodies = new Map([['__entry.js', `"use strict";process.stdout.write("ran\\n");`]]);
    const layout = splitChunks({ bodies, banner: '', chunkFile: 'main.chunks', codeCacheFile: 'main.code-cache' });
    const dir = path.join(tmp.dir, 'private');
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(tmp.dir, 0o755);
    const file = path.join(dir, 'main.cjs');
    fs.writeFileSync(file, layout.main, { mode: 0o644 });
    fs.writeFileSync(path.join(dir, 'main.chunks'), layout.chunks, { mode: 0o600 });
    const r = spawnSync(process.execPath, [file], { encoding: 'utf8', uid: 65534, gid: 65534, cwd: '/' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`spoolrescue: ${path.join(dir, 'main.chunks')} is missing, unreadable, of another build, or not safe to run (another owner, or writable by others); install spoolrescue again\n`);
  });
});

// bin/spoolrescue.cjs loads the npm main and nothing else: a main that is not there is named with
// what to run; any other failure of the main is its own, never taken for a missing build.
describe('bin/spoolrescue.cjs', () => {
  const tmp = makeTempDir('npm-bin');
  afterAll(tmp.cleanup);
  const place = (name: string) => {
    const bin = path.join(tmp.dir, name, 'bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.copyFileSync(path.join(top, 'bin', 'spoolrescue.cjs'), path.join(bin, 'spoolrescue.cjs'));
    return path.join(bin, 'spoolrescue.cjs');
  };
  const run = (entry: string) => spawnSync(process.execPath, [entry, '--version'], { cwd: '/', encoding: 'utf8', timeout: 30_000 });

  it('without the built main: one line naming it and what to run, exit 1', () => {
    const r = run(place('unbuilt'));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`spoolrescue: ${path.join(tmp.dir, 'unbuilt', 'dist', 'spoolrescue-npm.cjs')} is missing; run 'npm run build' (or 'npm install') first\n`);
  });

  it('a main that fails on a module of its own is not reported as missing', () => {
    const entry = place('broken');
    fs.mkdirSync(path.join(tmp.dir, 'broken', 'dist'));
    fs.writeFileSync(path.join(tmp.dir, 'broken', 'dist', 'spoolrescue-npm.cjs'), 'require("./gone.cjs");\n');
    const r = run(entry);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Cannot find module './gone.cjs'");
    expect(r.stderr).not.toContain('is missing');
  });

  it('runs the main it finds, which checks the Node version first', () => {
    const entry = place('built');
    fs.mkdirSync(path.join(tmp.dir, 'built', 'dist'));
    fs.writeFileSync(path.join(tmp.dir, 'built', 'dist', 'spoolrescue-npm.cjs'), 'process.stdout.write("main ran with " + process.argv.slice(2).join(" ") + "\\n");\n');
    const r = run(entry);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('main ran with --version\n');
    expect(fs.readFileSync(path.join(top, 'dist', 'spoolrescue-npm.cjs'), 'utf8')).toContain(fs.readFileSync(path.join(top, 'bin', 'node-version.cjs'), 'utf8'));
  });
});
