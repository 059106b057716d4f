import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statfsPaths } from '../../src/io/disks/statfs.js';
import { describeWith } from '../helpers/capabilities.js';
import { chunkCompileWatcher } from '../helpers/chunk-compiles.js';
import { buildExecutable } from '../helpers/executable.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { startTmux, type TmuxSession } from '../helpers/tmux.js';

// The executable is for servers with no Node at all: it is copied alone into an empty directory
// and run with an empty environment (no PATH, so no node can be found), every part included:
// worker threads (hotspots), the statfs helper and the scan process it re-runs as itself, the walk.
const tmp = makeTempDir('exe');
const bin = path.join(tmp.dir, 'bin');
const exe = path.join(bin, 'spoolrescue-linux-x64');
const tree = path.join(tmp.dir, 'tree');
const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));

beforeAll(() => {
  fs.mkdirSync(bin);
  fs.copyFileSync(buildExecutable(), exe);
  fs.chmodSync(exe, 0o755);
  // 3 directories with 40 files of 1000 bytes each, and one empty directory
  for (const d of ['a', 'b', 'c']) {
    fs.mkdirSync(path.join(tree, d), { recursive: true });
    for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(tree, d, `f${i}`), Buffer.alloc(1000, 120));
  }
  fs.mkdirSync(path.join(tree, 'empty'));
}, 600_000);
afterAll(tmp.cleanup);

// env -i: nothing inherited, no PATH; run from a directory holding nothing but the executable.
const run = (...args: string[]) => spawnSync(exe, args, { cwd: bin, env: {}, encoding: 'utf8', timeout: 60_000 });

describe('the executable, alone, with an empty environment', () => {
  it('prints its version, with no warning about experimental features', () => {
    expect(fs.readdirSync(bin)).toEqual(['spoolrescue-linux-x64']);
    const r = run('--version');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`spoolrescue ${pkg.version}\n`);
    expect(r.status).toBe(0);
  });

  it('prints the help and keeps exit codes', () => {
    const h = run('--help');
    expect(h.status).toBe(0);
    expect(h.stdout).toContain('spoolrescue <command> [options]');
    const bad = run('ls', '--limit', 'many', tree);
    expect(bad.status).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe("spoolrescue ls: --limit expects a whole number, got 'many'");
  });

  it("compiles every chunk df --json runs from its own V8 code cache, which its Node takes", () => {
    // a preload (NODE_OPTIONS -r, outside the directory) notes each chunk compilation
    const watch = chunkCompileWatcher(tmp.dir);
    const r = spawnSync(exe, ['df', '--json'], { cwd: bin, env: { NODE_OPTIONS: `-r ${watch.preload}` }, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    const compiles = watch.read();
    // what every start runs, then df's own chunks: two groups, each compiled once
    expect(compiles.map((c) => c.name)).toEqual(['group-start.js', 'group-df.js']);
    expect(compiles.filter((c) => !(c.given && c.rejected === false))).toEqual([]);
  });

  it('df --json lists the filesystem the test tree is on, with its inodes', () => {
    const r = run('df', '--json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { filesystems: { mount: string; inodes: number | null }[] };
    const mounts = report.filesystems.map((f) => f.mount);
    const home = mounts.filter((m) => tree === m || tree.startsWith(m === '/' ? '/' : `${m}/`)).sort((x, y) => y.length - x.length)[0];
    expect(home).toBeDefined();
    expect(report.filesystems.find((f) => f.mount === home)!.inodes).not.toBeNull();
  });

  it('hotspots counts the tree with worker threads, like du', () => {
    const r = run('hotspots', tree, '--workers', '2', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { totalEntries: number; directories: number; byEntries: { path: string; entries: number }[] };
    expect(report.totalEntries).toBe(1 + 4 + 120); // the tree itself, its 4 directories, 120 files
    expect(report.directories).toBe(5);
    expect(report.byEntries.filter((row) => row.entries === 40).map((row) => path.basename(row.path)).sort()).toEqual(['a', 'b', 'c']);
  });

  it('hotspots reads subtrees in its scan process, the executable started again as itself', () => {
    // 'first': the scan waits for the process and fails when it cannot start; the totals then
    // include what it read. Empty environment otherwise: no node on any PATH.
    const r = spawnSync(exe, ['hotspots', tree, '--json'], { cwd: bin, env: { SPOOLRESCUE_SCAN_PROCESS: 'first' }, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { totalEntries: number; totalBytes: number; directories: number };
    expect(report.totalEntries).toBe(1 + 4 + 120);
    expect(report.directories).toBe(5);
    expect(report.totalBytes).toBe(Number(spawnSync('du', ['-sx', '-B1', tree], { encoding: 'utf8' }).stdout.split('\t')[0]));
  });

  it('ls lists and counts a directory', () => {
    const r = run('ls', path.join(tree, 'a'), '--count', '--limit', '3', '--json');
    expect(r.status).toBe(0);
    const listing = JSON.parse(r.stdout) as { count: number; entries: { name: string; sizeBytes: number }[] };
    expect(listing.count).toBe(40);
    expect(listing.entries).toHaveLength(3);
    expect(listing.entries.every((e) => /^f\d+$/.test(e.name) && e.sizeBytes === 1000)).toBe(true);
  });

  it('answers the statfs helper it starts as itself (process.execPath -e SOURCE -- PATHS)', async () => {
    const [answer, missing] = await statfsPaths([tree, path.join(tmp.dir, 'nowhere')], { nodePath: exe, timeoutMs: 30_000 });
    const real = fs.statfsSync(tree);
    expect(answer).toMatchObject({ ok: true, stats: { bsize: real.bsize, blocks: real.blocks } });
    expect(missing).toMatchObject({ ok: false, timedOut: false, problem: { code: 'failed', errno: 'ENOENT' } });
  });
});

describeWith(['root', 'mount'], 'the executable with node hidden from the whole machine', () => {
  it('scans with /usr/bin/node (this node) bound over by /dev/null', () => {
    const script = `mount --bind /dev/null '${process.execPath}' && '${process.execPath}' --version; exec env -i '${exe}' hotspots '${tree}' --json`;
    const r = spawnSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toMatch(/Permission denied|cannot execute|not found/);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).totalEntries).toBe(125);
  });
});

describeWith(['tmux'], 'the executable runs the walk (tmux, env -i)', () => {
  let s: TmuxSession | undefined;
  afterAll(() => s?.kill());

  it('shows the Disks screen and quits on q', async () => {
    s = startTmux({ argv: ['env', '-i', 'TERM=vt100', exe, '--root', tree], cwd: bin, workDir: path.join(tmp.dir, 'tmux') });
    const screen = await s.waitFor('Which filesystem is full?', 30_000);
    expect(screen).toMatch(/^spoolrescue on /m);
    s.key('q');
    expect(await s.waitExit(20_000)).toBe(0);
  });
});
