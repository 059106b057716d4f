import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'acorn';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeVersionProblem } from '../../bin/node-version.cjs';
import { BUNDLE } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { chunkCompileWatcher } from '../helpers/chunk-compiles.js';

// On Node < 20 (Debian 12 and Ubuntu 24.04 ship 18, RHEL 9 16) the tool says in one line what it
// needs and where the executable is, instead of a stack trace from deep inside a library.
const top = path.resolve(__dirname, '../..');
const tmp = makeTempDir('node-version');
afterAll(tmp.cleanup);
// Preloaded before the entry: this node then says it is another version.
const fake = (version: string) => {
  const file = path.join(tmp.dir, `as-${version}.mjs`);
  fs.writeFileSync(file, `Object.defineProperty(process, 'versions', { value: { ...process.versions, node: ${JSON.stringify(version)} } });\n`);
  return file;
};
const runAs = (version: string, entry: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', fake(version), entry, ...args], { cwd: tmp.dir, encoding: 'utf8', env: { PATH: process.env.PATH } });

describe('the Node version check', () => {
  it('accepts 20 and later, refuses older ones naming the executable', () => {
    expect(nodeVersionProblem({ node: '20.0.0' })).toBeUndefined();
    expect(nodeVersionProblem({ node: '22.11.0' })).toBeUndefined();
    expect(nodeVersionProblem({ node: '18.19.0' })).toBe(
      'spoolrescue: needs Node.js 20 or later, this is Node 18.19.0; without a new Node, use the executable spoolrescue-linux-x64 (no Node needed, see README "Install").',
    );
    expect(nodeVersionProblem({ node: '16.20.2' })).toContain('this is Node 16.20.2');
  });

  for (const [name, entry] of [
    ['the bundle', BUNDLE],
    ['bin/spoolrescue.cjs', path.join(top, 'bin', 'spoolrescue.cjs')],
    ['the npm main', path.join(top, 'dist', 'spoolrescue-npm.cjs')],
    ['the check alone', path.join(top, 'bin', 'node-version.cjs')],
  ] as const) {
    it(`${name}: one line and exit 1 on Node 18, nothing on stdout`, () => {
      const r = runAs('18.19.1', entry, '--version');
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`${nodeVersionProblem({ node: '18.19.1' })}\n`);
    });
  }

  it('the one file and the npm main check before any chunk is compiled, and parse on any Node from 6 on', () => {
    const watch = chunkCompileWatcher(tmp.dir);
    for (const main of [BUNDLE, path.join(top, 'dist', 'spoolrescue-npm.cjs')]) {
      const r = spawnSync(process.execPath, ['--import', fake('16.20.2'), '-r', watch.preload, main, 'df', '--json'], { cwd: tmp.dir, encoding: 'utf8', env: { PATH: process.env.PATH } });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`${nodeVersionProblem({ node: '16.20.2' })}\n`);
      expect(watch.read()).toEqual([]);
      // ES2015: what Node 6 parses (a chunk is compiled only after the check, in Node 16's syntax)
      expect(() => parse(fs.readFileSync(main, 'utf8').replace(/^#!.*\n/, ''), { ecmaVersion: 2015, sourceType: 'script' })).not.toThrow();
    }
  });

  it('the npm entry, reached through a link as npm installs it, runs the bundle beside its real place', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(top, 'package.json'), 'utf8'));
    const link = path.join(tmp.dir, 'spoolrescue');
    fs.symlinkSync(path.join(top, 'bin', 'spoolrescue.cjs'), link);
    const r = spawnSync(process.execPath, [link, '--version'], { cwd: tmp.dir, encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`spoolrescue ${pkg.version}\n`);
    expect(r.status).toBe(0);
  });

  it('the bundle runs on Node 20 as usual', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(top, 'package.json'), 'utf8'));
    const r = runAs('20.0.0', BUNDLE, '--version');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`spoolrescue ${pkg.version}\n`);
  });
});
