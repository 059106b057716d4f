import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// An operator copies ONE file onto a server whose disk is too full for npm install.
describe('the single bundled file', () => {
  const tmp = makeTempDir('bundle');
  afterAll(tmp.cleanup);
  const copy = path.join(tmp.dir, 'spoolrescue.cjs');
  fs.copyFileSync(BUNDLE, copy);
  const run = (...args: string[]) => spawnSync(process.execPath, [copy, ...args], { cwd: tmp.dir, encoding: 'utf8', env: { PATH: process.env.PATH } });

  it('is alone in an empty directory', () => {
    expect(fs.readdirSync(tmp.dir)).toEqual(['spoolrescue.cjs']);
  });

  it('runs --version and --help with plain node', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(BUNDLE, '../../package.json'), 'utf8'));
    const v = run('--version');
    expect(v.status).toBe(0);
    expect(v.stdout).toBe(`spoolrescue ${pkg.version}\n`);
    const h = run('--help');
    expect(h.status).toBe(0);
    expect(h.stdout).toContain('spoolrescue <command> [options]');
    const sub = run('purge', '--help');
    expect(sub.stdout).toContain('spoolrescue purge DIR');
  });

  it('keeps exit codes and one-line errors', () => {
    const r = run('ls', '--limit', 'many', '/tmp');
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe("spoolrescue ls: --limit expects a whole number, got 'many'");
  });

  it('is executable with a node shebang', () => {
    expect(fs.readFileSync(BUNDLE, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(fs.statSync(BUNDLE).mode & 0o111).not.toBe(0);
  });
});
