import fs from 'node:fs';
import { statfsIsLocal } from '../../core/disks/mountinfo.js';
import { statfsChildSource, type StatfsLine } from './statfs-child.js';
import { childProcess } from '../system/node-modules-on-demand.js';
import { helperNodeEnv } from '../system/helper-env.js';
import type { StatfsProblem } from '../../core/disks/statfs-problem.js';

// statfs(2) numbers of one filesystem (units of bsize).
interface StatfsNumbers {
  bsize: number;
  blocks: number;
  bfree: number;
  bavail: number;
  files: number;
  ffree: number;
}

// What statfs said about one path: its numbers, its error, or nothing before the deadline.
export type StatfsOutcome =
  | { ok: true; stats: StatfsNumbers }
  | { ok: false; timedOut: boolean; problem: StatfsProblem };

// Deadline, Ctrl-C and the program that runs the helper.
export interface StatfsOptions {
  /** How long any one path may take (all are asked at once, so this is also the total). Default 3000 ms. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Program to run the helper with (default: this node). */
  nodePath?: string;
}

const DEFAULT_TIMEOUT_MS = 3000;

// statfs of many paths without ever hanging the caller: a stuck statfs (dead NFS server, hung
// FUSE daemon) blocks a thread in uninterruptible wait, and in this process it would pin a libuv
// thread and even keep node from exiting. So a separate node process asks for all paths at once
// and streams answers; paths without an answer by the deadline are reported as not responding and
// the helper is killed (the kernel reaps it when the wait ends). Never rejects except on abort.
export function statfsPaths(paths: readonly string[], opts: StatfsOptions = {}): Promise<StatfsOutcome[]> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const results: (StatfsOutcome | undefined)[] = paths.map(() => undefined);
  if (paths.length === 0) return Promise.resolve([]);
  opts.signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const env = helperNodeEnv({ UV_THREADPOOL_SIZE: String(Math.min(128, Math.max(4, paths.length))) });
    let answered = 0;
    let settled = false;
    let stderr = '';
    let pending = '';
    const child = childProcess().spawn(opts.nodePath ?? process.execPath, ['-e', statfsChildSource(), '--', JSON.stringify(paths)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    });
    const finish = (why: (i: number) => StatfsOutcome, error?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      child.stdout?.destroy();
      child.stderr?.destroy();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      child.unref();
      if (error !== undefined) return reject(error);
      resolve(results.map((r, i) => r ?? why(i)));
    };
    const timer = setTimeout(
      () => finish(() => ({ ok: false, timedOut: true, problem: { code: 'timed-out', ms: timeoutMs } })),
      timeoutMs,
    );
    const onAbort = () => finish(() => ({ ok: false, timedOut: false, problem: { code: 'cancelled' } }), opts.signal?.reason ?? new Error('aborted'));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      pending += chunk;
      let nl: number;
      while ((nl = pending.indexOf('\n')) !== -1) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        const r = parseLine(line);
        if (!r || results[r.i] !== undefined) continue;
        results[r.i] = r.outcome;
        if (++answered === paths.length) finish(() => ({ ok: false, timedOut: false, problem: { code: 'no-answer' } }));
      }
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (d: string) => (stderr.length < 4096 ? (stderr += d) : undefined));
    child.on('error', (e) => finish(() => ({ ok: false, timedOut: false, problem: { code: 'helper-not-started', why: e.message } })));
    child.on('close', (code, signal) => {
      const why = stderr.trim().split('\n').pop() || (signal ? `signal ${signal}` : `exit ${code}`);
      finish(() => ({ ok: false, timedOut: false, problem: { code: 'helper-ended', why } }));
    });
  });
}

function parseLine(line: string): { i: number; outcome: StatfsOutcome } | undefined {
  let v: StatfsLine;
  try {
    v = JSON.parse(line) as StatfsLine;
  } catch {
    return undefined;
  }
  if (typeof v?.i !== 'number') return undefined;
  if ('code' in v) return { i: v.i, outcome: { ok: false, timedOut: false, problem: { code: 'failed', errno: v.code, message: v.message } } };
  const { bsize, blocks, bfree, bavail, files, ffree } = v;
  return { i: v.i, outcome: { ok: true, stats: { bsize, blocks, bfree, bavail, files, ffree } } };
}

// statfs of mounted filesystems by the safest fast way for each: local ones (ext4, xfs, tmpfs...)
// answer from memory, so they are asked in-process; network, FUSE and unknown ones go through the
// helper process with its deadline (started only when there is one, as it costs a node start).
export async function statfsMounts(mounts: readonly { mountPoint: string; fstype: string }[], opts: StatfsOptions = {}): Promise<StatfsOutcome[]> {
  const out: StatfsOutcome[] = new Array(mounts.length);
  const remote: number[] = [];
  mounts.forEach((m, i) => (statfsIsLocal(m.fstype) ? undefined : remote.push(i)));
  const helper = statfsPaths(
    remote.map((i) => mounts[i].mountPoint),
    opts,
  );
  mounts.forEach((m, i) => {
    if (!statfsIsLocal(m.fstype)) return;
    try {
      const s = fs.statfsSync(m.mountPoint);
      out[i] = { ok: true, stats: { bsize: s.bsize, blocks: s.blocks, bfree: s.bfree, bavail: s.bavail, files: s.files, ffree: s.ffree } };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      out[i] = { ok: false, timedOut: false, problem: { code: 'failed', errno: err.code, message: err.message } };
    }
  });
  const answers = await helper;
  remote.forEach((i, k) => (out[i] = answers[k]));
  return out;
}
