import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// What the bundle's quick commands load: Node's modules (process.moduleLoadList, written at exit
// by a preloaded script) for `--version` and `df --json`, stdin a pipe as under a shell's `|`.
describe('start-up loads only what the command uses', () => {
  const tmp = makeTempDir('startup-modules');
  afterAll(tmp.cleanup);
  const preload = path.join(tmp.dir, 'loaded.cjs');
  fs.writeFileSync(preload, 'const fs = require("node:fs");\nprocess.on("exit", () => fs.writeFileSync(process.env.SR_LOADED, process.moduleLoadList.join("\\n")));\n');
  const root = path.join(tmp.dir, 'root');
  fs.mkdirSync(root);

  function loaded(args: string[]): string[] {
    const out = path.join(tmp.dir, `loaded-${args.join('-').replace(/\W/g, '')}.txt`);
    // stdout and stderr are files (a pipe there loads node:net), so node:net means stdin was opened
    const outFd = fs.openSync(`${out}.stdout`, 'w');
    const errFd = fs.openSync(`${out}.stderr`, 'w');
    const r = spawnSync(process.execPath, ['-r', preload, BUNDLE, ...args], { input: 'not read\n', stdio: ['pipe', outFd, errFd], env: { ...process.env, SR_LOADED: out } });
    fs.closeSync(outFd);
    fs.closeSync(errFd);
    expect(r.status, fs.readFileSync(`${out}.stderr`, 'utf8')).toBe(0);
    expect(fs.readFileSync(`${out}.stdout`, 'utf8')).toMatch(args.includes('--json') ? /^\{\n {2}"schemaVersion"/ : /^spoolrescue \d/);
    return fs.readFileSync(out, 'utf8').split('\n');
  }

  it('--version: no zlib, no perf_hooks, stdin never opened', () => {
    const mods = loaded(['--version']);
    expect(mods).toContain('NativeModule vm');
    for (const m of ['NativeModule zlib', 'NativeModule perf_hooks', 'NativeModule net', 'NativeModule child_process']) expect(mods).not.toContain(m);
  });

  it('df --json into pipes, as under a shell: no Node stream made for stdout or stderr', () => {
    const out = path.join(tmp.dir, 'loaded-piped.txt');
    const r = spawnSync(process.execPath, ['-r', preload, BUNDLE, '--root', root, 'df', '--json'], { input: 'not read\n', encoding: 'utf8', env: { ...process.env, SR_LOADED: out } });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ schemaVersion: 1 });
    const mods = fs.readFileSync(out, 'utf8').split('\n');
    for (const m of ['NativeModule stream', 'NativeModule net', 'NativeModule internal/fs/sync_write_stream']) expect(mods).not.toContain(m);
  });

  it('df --json (under --root, where postconf is never asked): no zlib, no perf_hooks, stdin never opened', () => {
    const mods = loaded(['--root', root, 'df', '--json']);
    expect(mods).toContain('NativeModule vm');
    for (const m of ['NativeModule zlib', 'NativeModule perf_hooks', 'NativeModule net', 'NativeModule child_process']) expect(mods).not.toContain(m);
  });
});
