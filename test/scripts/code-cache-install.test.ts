import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'acorn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeVersionProblem } from '../../bin/node-version.cjs';
import { describeWith } from '../helpers/capabilities.js';
import { chunkCompileWatcher, type ChunkCompile } from '../helpers/chunk-compiles.js';
import { packedPackage } from '../helpers/npm-package.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const top = path.resolve(__dirname, '../..');

// "Another Node": V8 refuses a code cache made under other V8 flags exactly as it refuses one made
// by another V8, and --stack-size changes nothing else a start does. The build's caches are this
// Node's; under this flag they are another's.
const OTHER_NODE = ['--stack-size=990'];

const cleanEnv = () => {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return env;
};

// df --json of the package's npm entry (or ENTRY), run by node with NODEARGS: its chunk compiles.
function dfCompiles(watchDir: string, entry: string, nodeArgs: string[] = []): ChunkCompile[] {
  const watch = chunkCompileWatcher(watchDir);
  const r = spawnSync(process.execPath, [...nodeArgs, '-r', watch.preload, entry, 'df', '--json'], { encoding: 'utf8', env: cleanEnv(), cwd: '/', timeout: 30_000 });
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
  return watch.read();
}

const installer = (pkg: string, nodeArgs: string[] = [], options: { uid?: number; gid?: number } = {}) =>
  spawnSync(process.execPath, [...nodeArgs, path.join(pkg, 'bin', 'code-cache-install.cjs')], { encoding: 'utf8', env: cleanEnv(), cwd: '/', timeout: 120_000, ...options });

const allTaken = (compiles: ChunkCompile[]) => compiles.length > 0 && compiles.every((c) => c.given && c.rejected === false);

// npm runs bin/code-cache-install.cjs after installing: the build's caches stay when this Node
// takes them; on a Node that refuses them, they are made again for it, and both mains take them.
describe('the code caches made at install', () => {
  const tmp = makeTempDir('code-cache-install');
  let pkg = '';
  beforeAll(() => {
    pkg = packedPackage(tmp.dir).pkg;
  });
  afterAll(tmp.cleanup);

  it('leaves the caches as they are when this Node takes them: nothing said, nothing written', () => {
    const cache = path.join(pkg, 'dist', 'spoolrescue.cjs.code-cache');
    const before = fs.readFileSync(cache);
    const r = installer(pkg);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(cache).equals(before)).toBe(true);
  });

  it("on another Node: refused before, made for it, then taken by the npm entry and the one file, the build's files untouched", () => {
    const entry = path.join(pkg, 'bin', 'spoolrescue.cjs');
    const before = dfCompiles(tmp.dir, entry, OTHER_NODE);
    expect(before[0]).toMatchObject({ name: 'group-start.js', given: true, rejected: true });
    const mains = ['spoolrescue-npm.cjs', 'spoolrescue-npm.chunks', 'spoolrescue.cjs'].map((f) => fs.readFileSync(path.join(pkg, 'dist', f)));
    const r = installer(pkg, OTHER_NODE);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^spoolrescue: code caches made for this Node \(v\d+\.\d+\.\d+, V8 [^)]+\)\n$/);
    const after = dfCompiles(tmp.dir, entry, OTHER_NODE);
    expect(after.map((c) => c.name)).toEqual(['group-start.js', 'group-df.js']);
    expect(allTaken(after)).toBe(true);
    expect(allTaken(dfCompiles(tmp.dir, path.join(pkg, 'dist', 'spoolrescue.cjs'), OTHER_NODE))).toBe(true);
    // the chunks of other commands got caches too (made from their top level), for this Node
    const hotspots = chunkCompileWatcher(tmp.dir);
    const h = spawnSync(process.execPath, [...OTHER_NODE, '-r', hotspots.preload, entry, 'hotspots', '--json', path.join(pkg, 'bin')], { encoding: 'utf8', env: cleanEnv(), cwd: '/', timeout: 30_000 });
    expect(h.status, h.stderr).toBe(0);
    expect(allTaken(hotspots.read())).toBe(true);
    // the mains and the chunk file are as the build made them; the new cache is not writable by others
    ['spoolrescue-npm.cjs', 'spoolrescue-npm.chunks', 'spoolrescue.cjs'].forEach((f, i) => expect(fs.readFileSync(path.join(pkg, 'dist', f)).equals(mains[i])).toBe(true));
    expect(fs.statSync(path.join(pkg, 'dist', 'spoolrescue.cjs.code-cache')).mode & 0o777).toBe(0o644);
    expect(fs.readdirSync(path.join(pkg, 'dist')).filter((f) => f.startsWith('.'))).toEqual([]);
    // and this Node, whose caches they no longer are, still runs the same, compiling from source
    const back = dfCompiles(tmp.dir, entry);
    expect(back[0]).toMatchObject({ given: true, rejected: true });
    expect(back.slice(1).some((c) => c.given)).toBe(false);
  });

  it('on a Node too old for the tool (npm installs it anyway, with a warning): one line, exit 0, nothing made; it parses on any Node from 6 on', () => {
    const cache = path.join(pkg, 'dist', 'spoolrescue.cjs.code-cache');
    const before = fs.readFileSync(cache);
    const as = (version: string) => {
      const file = path.join(tmp.dir, `as-${version}.mjs`);
      fs.writeFileSync(file, `Object.defineProperty(process, 'versions', { value: { ...process.versions, node: ${JSON.stringify(version)} } });\n`);
      return installer(pkg, ['--import', file, ...OTHER_NODE]);
    };
    for (const version of ['16.20.2', '19.9.0']) {
      const r = as(version);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe(`spoolrescue: code caches not made: this is Node ${version}, the tool needs Node 20 or later (or the executable spoolrescue-linux-x64, which needs no Node)\n`);
      expect(fs.readFileSync(cache).equals(before)).toBe(true);
    }
    // the same line the tool draws (bin/node-version.cjs): 19 is refused there too, 20 is not
    expect(nodeVersionProblem({ node: '19.9.0' })).toBeDefined();
    expect(nodeVersionProblem({ node: '20.0.0' })).toBeUndefined();
    expect(() => parse(fs.readFileSync(path.join(pkg, 'bin', 'code-cache-install.cjs'), 'utf8'), { ecmaVersion: 2015, sourceType: 'script' })).not.toThrow();
  });

  it('before a build (a clone whose dist/ is empty): nothing to do, nothing said', () => {
    const clone = path.join(tmp.dir, 'clone');
    fs.mkdirSync(path.join(clone, 'dist'), { recursive: true });
    fs.cpSync(path.join(pkg, 'bin'), path.join(clone, 'bin'), { recursive: true });
    const r = installer(clone, OTHER_NODE);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(fs.readdirSync(path.join(clone, 'dist'))).toEqual([]);
  });

  it('a chunk file of another build: one line, the install goes on, the caches untouched', () => {
    const other = path.join(tmp.dir, 'other-build');
    fs.cpSync(pkg, other, { recursive: true });
    const cache = path.join(other, 'dist', 'spoolrescue.cjs.code-cache');
    fs.copyFileSync(path.join(top, 'dist', 'spoolrescue.cjs.code-cache'), cache);
    const before = fs.readFileSync(cache);
    const chunks = path.join(other, 'dist', 'spoolrescue-npm.chunks');
    const bytes = fs.readFileSync(chunks);
    bytes.write('spoolrescue-chunks 000000000000000000000000', 0, 'latin1');
    fs.writeFileSync(chunks, bytes);
    const r = installer(other, OTHER_NODE);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^spoolrescue: code caches not made for this Node \(.+\); it runs as well, each start a few milliseconds slower\n$/);
    expect(fs.readFileSync(cache).equals(before)).toBe(true);
  });
});

// What an operator runs: npm installs the package with a Node that refuses the build's caches
// (here: the `node` npm finds on PATH starts with other V8 flags), its postinstall makes them.
describe('npm install by another Node', () => {
  const tmp = makeTempDir('code-cache-npm-install');
  afterAll(tmp.cleanup);

  it('runs the postinstall, and the installed command starts with caches this Node takes', () => {
    const { tarball } = packedPackage(tmp.dir);
    const wrap = path.join(tmp.dir, 'wrap');
    fs.mkdirSync(wrap);
    fs.writeFileSync(path.join(wrap, 'node'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${OTHER_NODE.join(' ')} "$@"\n`, { mode: 0o755 });
    const prefix = path.join(tmp.dir, 'prefix');
    const env = { ...cleanEnv(), PATH: `${wrap}:${process.env.PATH}` };
    const r = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', '--foreground-scripts', tarball], { cwd: tmp.dir, encoding: 'utf8', env, timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(`${r.stdout}${r.stderr}`).toMatch(/spoolrescue: code caches made for this Node/);
    const command = path.join(prefix, 'bin', 'spoolrescue');
    expect(fs.realpathSync(command)).toBe(path.join(prefix, 'lib', 'node_modules', 'spoolrescue', 'bin', 'spoolrescue.cjs'));
    const compiles = dfCompiles(tmp.dir, command, OTHER_NODE);
    expect(compiles.map((c) => c.name)).toEqual(['group-start.js', 'group-df.js']);
    expect(allTaken(compiles)).toBe(true);
  });
});

// Installed by root, run by a user who may not write the package: one line, exit 0, nothing changed.
describeWith(['root'], 'the code caches made at install, where the installer may not write', () => {
  const tmp = makeTempDir('code-cache-install-ro');
  afterAll(tmp.cleanup);

  it('says so in one line and leaves the caches as they were', () => {
    const { pkg } = packedPackage(tmp.dir);
    fs.chmodSync(tmp.dir, 0o755);
    const cache = path.join(pkg, 'dist', 'spoolrescue.cjs.code-cache');
    const before = fs.readFileSync(cache);
    const r = installer(pkg, OTHER_NODE, { uid: 65534, gid: 65534 });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^spoolrescue: code caches not made for this Node \(EACCES[^)]*\); it runs as well, each start a few milliseconds slower\n$/);
    expect(fs.readFileSync(cache).equals(before)).toBe(true);
    expect(fs.readdirSync(path.join(pkg, 'dist')).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
