import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/io/hotspots/scan.js';
import { launchScanProcess, prestartScanProcess } from '../../src/io/hotspots/scan-process-launch.js';
import { BUNDLE } from '../helpers/run-cli.js';
import { perDirectory, writeChains } from '../helpers/deep-chains.js';
import { duTotals } from '../helpers/du.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// The scan process: a second node process that reads whole subtrees from inside them, beside the
// CLI's scan (chdir) and beside the walk's worker threads (no chdir). What it counts must be what one thread counts, whichever part it read; when it
// cannot start the scan goes on without it; when it dies with work in hand, or the operator
// presses Ctrl-C, the scan stops with a message and leaves no process behind.

// The scan processes this test process has running (children on the scan process's bootstrap).
function scanProcesses(): number[] {
  const found: number[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (argv.includes('-e') && argv.some((a) => a.includes('scanProcessBootstrap'))) found.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

// Waits until no scan process of this test process is left (a killed one is reaped by node).
async function noScanProcessLeft(): Promise<number[]> {
  for (let i = 0; i < 100 && scanProcesses().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
  return scanProcesses();
}

describe('hotspots with a scan process reading whole subtrees', () => {
  const tmp = makeTempDir('hotspot-scan-process', '/var/tmp');
  afterAll(tmp.cleanup);
  const root = path.join(tmp.dir, 'tree');
  const bottoms = writeChains(root, { chains: 16, levels: 20, files: 3, sideAt: (l) => l % 6 === 2 });
  fs.writeFileSync(path.join(bottoms[11], 'biggest'), Buffer.alloc(900_000, 0x63));
  // a name that is not UTF-8 inside a chain: its directory goes back to the main thread as bytes
  const odd = Buffer.concat([Buffer.from(path.join(root, 'chain5', 'level0') + '/'), Buffer.from([0x6f, 0xff, 0x64])]);
  fs.mkdirSync(odd as unknown as string);
  fs.writeFileSync(Buffer.concat([odd, Buffer.from('/inside')]) as unknown as string, Buffer.alloc(5000, 0x64));
  // a directory too big for the process (st_size over 64 KiB): read by a worker thread
  const big = path.join(root, 'chain9', 'level0', 'level1', 'big');
  fs.mkdirSync(big);
  for (let f = 0; f < 2500; f++) fs.writeFileSync(path.join(big, `queue-file-with-a-long-name-${String(f).padStart(6, '0')}`), '');
  const du = duTotals(root);

  it('counts what one thread counts, the process reading subtrees of its own', async () => {
    expect(fs.statSync(big).size).toBeGreaterThan(64 * 1024);
    const single = await scan(root, { workers: 1, top: 30 });
    expect({ bytes: single.report.totalBytes, inodes: single.report.totalEntries }).toEqual({ bytes: du.bytes, inodes: du.inodes });
    const here = process.cwd();
    const split = await scan(root, { workers: 2, top: 30, chdir: true, scanProcess: 'first' });
    expect(process.cwd()).toBe(here);
    expect(split.processScanned).toBe(true);
    expect({ bytes: split.report.totalBytes, inodes: split.report.totalEntries }).toEqual({ bytes: du.bytes, inodes: du.inodes });
    expect(split.index.size).toBe(single.index.size);
    expect(perDirectory(split.index, bottoms)).toEqual(perDirectory(single.index, bottoms));
    const rows = (r: typeof split.report) => [r.byBytes.map((x) => x.bytes), r.byEntries.map((x) => x.entries), r.largestFiles.map((x) => x.bytes)];
    expect(rows(split.report)).toEqual(rows(single.report));
    // found by the process, named by the main thread from the ids it mapped
    expect(split.report.largestFiles[0].path).toBe(path.join(bottoms[11], 'biggest'));
    expect(split.report.byEntries[0].path).toBe(big);
    expect(await noScanProcessLeft()).toEqual([]);
  });

  it("reads beside the walk's worker threads too (no chdir): the same counts, the walk's directory untouched", async () => {
    const single = await scan(root, { workers: 1, top: 30 });
    const here = process.cwd();
    const walk = await scan(root, { workers: 2, top: 30, scanProcess: 'first' });
    expect(process.cwd()).toBe(here);
    expect(walk.processScanned).toBe(true);
    expect({ bytes: walk.report.totalBytes, inodes: walk.report.totalEntries }).toEqual({ bytes: du.bytes, inodes: du.inodes });
    expect(perDirectory(walk.index, bottoms)).toEqual(perDirectory(single.index, bottoms));
    expect(walk.report.largestFiles[0].path).toBe(path.join(bottoms[11], 'biggest'));
    expect(walk.report.byEntries[0].path).toBe(big);
    expect(await noScanProcessLeft()).toEqual([]);
  });

  it('does without the process when it cannot start, and says so when it was asked for', async () => {
    const missing = path.join(tmp.dir, 'no-such-node');
    const alone = await scan(root, { workers: 2, chdir: true, nodePath: missing });
    expect(alone.processScanned).toBe(false);
    expect({ bytes: alone.report.totalBytes, inodes: alone.report.totalEntries }).toEqual({ bytes: du.bytes, inodes: du.inodes });
    await expect(scan(root, { workers: 2, chdir: true, nodePath: missing, scanProcess: 'first' })).rejects.toThrow(/a scan worker failed: .*ENOENT/);
    const off = await scan(root, { workers: 2, chdir: true, scanProcess: 'off' });
    expect(off.processScanned).toBe(false);
    expect(off.report.totalEntries).toBe(du.inodes);
  });

  it('fails with a message when the process dies with work in hand, and gives the working directory back', async () => {
    const here = process.cwd();
    let killed: number[] = [];
    const p = scan(root, {
      workers: 2,
      chdir: true,
      scanProcess: 'first',
      // the first directories handed out go to the process (the main thread waits for it): it dies
      beforeDispatch: () => {
        if (killed.length > 0) return;
        killed = scanProcesses();
        for (const pid of killed) process.kill(pid, 'SIGKILL');
      },
    });
    await expect(p).rejects.toThrow(/a scan worker failed: signal SIGKILL$/);
    expect(killed).toHaveLength(1);
    expect(process.cwd()).toBe(here);
    expect(await noScanProcessLeft()).toEqual([]);
  });

  it('reports a process started early that died before the scan took it, and starts another next time', async () => {
    prestartScanProcess();
    const early = scanProcesses();
    expect(early).toHaveLength(1);
    process.kill(early[0], 'SIGKILL');
    expect(await noScanProcessLeft()).toEqual([]);
    await expect(scan(root, { workers: 2, chdir: true, scanProcess: 'first' })).rejects.toThrow(/a scan worker failed: signal SIGKILL$/);
    const next = await scan(root, { workers: 2, chdir: true, scanProcess: 'first' });
    expect(next.processScanned).toBe(true);
    expect(next.report.totalEntries).toBe(du.inodes);
  });

  it("starts without the caller's NODE_OPTIONS and NODE_EXTRA_CA_CERTS (a certificate file costs every node start ~40 ms)", async () => {
    const saved = { options: process.env.NODE_OPTIONS, certs: process.env.NODE_EXTRA_CA_CERTS };
    const hook = path.join(tmp.dir, 'hook.cjs');
    fs.writeFileSync(hook, 'globalThis.hookRan = true;\n');
    process.env.NODE_OPTIONS = `--require ${hook}`;
    process.env.NODE_EXTRA_CA_CERTS = path.join(tmp.dir, 'no-such-bundle.pem');
    let child;
    try {
      child = launchScanProcess();
    } finally {
      for (const [name, value] of [['NODE_OPTIONS', saved.options], ['NODE_EXTRA_CA_CERTS', saved.certs]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    expect(child).toBeDefined();
    const seen = new Promise<unknown>((resolve) => child!.onMessage((m) => resolve(m)));
    child!.adopt('process.send({ options: process.env.NODE_OPTIONS ?? null, certs: process.env.NODE_EXTRA_CA_CERTS ?? null, hookRan: globalThis.hookRan === true })');
    expect(await seen).toEqual({ options: null, certs: null, hookRan: false });
    child!.stop();
    expect(await noScanProcessLeft()).toEqual([]);
  });

  it('lets the CLI exit at once when the command stops before scanning (the early process unused)', () => {
    for (const args of [['hotspots', '--help'], ['hotspots', path.join(tmp.dir, 'missing')], ['hotspots', '--workers', '1', root, '--json']]) {
      const t = Date.now();
      const r = spawnSync(process.execPath, [BUNDLE, ...args], { encoding: 'utf8', timeout: 20_000 });
      expect(r.error).toBeUndefined();
      expect(r.status).toBe(args[1] === '--help' || args[1] === '--workers' ? 0 : 1);
      expect(Date.now() - t).toBeLessThan(10_000);
    }
  });

  it.each([true, false])('stops when aborted half-way, and leaves no process behind (chdir %s)', async (chdir) => {
    const ac = new AbortController();
    const reason = new Error('operator pressed Ctrl-C');
    const here = process.cwd();
    let handedOut = 0;
    let runningAtAbort: number[] = [];
    const p = scan(root, {
      workers: 2,
      chdir,
      scanProcess: 'first',
      signal: ac.signal,
      beforeDispatch: (paths) => {
        // the walk's threads hand out fewer, bigger pieces (the process reads whole subtrees)
        if ((handedOut += paths.length) < (chdir ? 40 : 5) || ac.signal.aborted) return;
        runningAtAbort = scanProcesses();
        ac.abort(reason);
      },
    });
    await expect(p).rejects.toBe(reason);
    expect(runningAtAbort).toHaveLength(1);
    expect(process.cwd()).toBe(here);
    expect(await noScanProcessLeft()).toEqual([]);
  });
});
