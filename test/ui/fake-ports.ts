import path from 'node:path';
import type { DfReport, FilesystemRow, LsEntry, Ports, PurgePlan, PurgeProgress, PurgeResult, TaskOptions } from '../../src/ui/ports.js';

// Ports for component tests: plain data and promises the test controls, recording every call.
// Nothing here touches the filesystem.

export const fsRow = (mount: string, over: Partial<FilesystemRow> = {}): FilesystemRow => ({
  mount,
  device: `/dev/${mount === '/' ? 'vda1' : 'vdb1'}`,
  fstype: 'ext4',
  devId: mount === '/' ? '254:1' : `254:${mount.length + 10}`,
  mountId: 20 + mount.length,
  sizeBytes: 10 * 2 ** 30,
  usedBytes: 5 * 2 ** 30,
  availBytes: 5 * 2 ** 30,
  reservedBytes: 512 * 2 ** 20,
  inodes: 1_000_000,
  inodesUsed: 100_000,
  inodesFree: 900_000,
  usePercent: 50,
  inodeUsePercent: 10,
  readOnly: false,
  deletedOpenBytes: 0,
  flags: [],
  ...over,
});

export const FULL_VAR = fsRow('/var', {
  usedBytes: 9.9 * 2 ** 30,
  availBytes: 0.1 * 2 ** 30,
  usePercent: 99,
  inodesUsed: 999_000,
  inodesFree: 1000,
  inodeUsePercent: 100,
  flags: [
    { code: 'bytes-full', reason: 'bytes 99% used, 102M left for ordinary users' },
    { code: 'inodes-full', reason: 'inodes 100% used, 1,000 left: new files will soon fail' },
  ],
});

export const DISKS: DfReport = {
  filesystems: [fsRow('/'), FULL_VAR, fsRow('/dev/shm', { fstype: 'tmpfs', device: 'tmpfs' })],
  deletedOpen: [],
  deletedOpenCount: 0,
  skippedProcesses: 0,
};

// A promise the test settles, that also rejects when the task's signal fires.
export function controlled<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => {
    resolve = a;
    reject = b;
  });
  return { promise, resolve, reject, attach: (signal: AbortSignal) => signal.addEventListener('abort', () => reject(signal.reason)) };
}

// Entries named f0..f(n-1) for a fake directory.
export function entries(n: number, prefix = 'f'): LsEntry[] {
  return Array.from({ length: n }, (_, i) => ({ name: `${prefix}${i}`, type: 'file', size: 100 + i, mtimeMs: Date.UTC(2026, 0, 1) + i * 60_000 }));
}

export interface FakeCalls {
  scans: string[];
  records: { file: string; title: string; markdown: string }[];
  purges: PurgePlan[];
  pagesRead: number[];
  counts: string[];
  captures: string[];
}

// A full set of fake ports; pass overrides for the part a test drives.
export function fakePorts(over: Partial<Ports> = {}, dirs: Record<string, LsEntry[]> = { '/var/spool/postfix/maildrop': entries(100) }) {
  const calls: FakeCalls = { scans: [], records: [], purges: [], pagesRead: [], counts: [], captures: [] };
  const ports: Ports = {
    session: { hostname: 'mx1', show: (p) => p, resolve: (p) => path.resolve('/', p), now: () => new Date(2026, 10, 20, 3, 14) },
    disks: { loadDisks: async () => DISKS },
    hotspots: { unavailable: 'needs the hotspots core' },
    mailPaths: {
      list: async () => [
        { path: '/var/spool/postfix/maildrop', label: 'Postfix maildrop', kind: 'queue-dir', exists: true, sizeBytes: 28 * 2 ** 20 },
        { path: '/var/spool/mail/root', label: "root's mailbox", kind: 'spool-file', exists: true, sizeBytes: 4 * 2 ** 30 },
      ],
    },
    inside: {
      stat: async (p) => ({ path: p, kind: dirs[p] ? 'dir' : p.endsWith('/root') ? 'file' : 'missing', sizeBytes: 4096, mode: 0o40730, uid: 107, gid: 114, owner: 'postfix', group: 'postdrop', mtimeMs: Date.UTC(2026, 10, 20) }),
      open: (p) => {
        let at = 0;
        return {
          next: async (count) => {
            calls.pagesRead.push(count);
            const all = dirs[p] ?? [];
            const page = all.slice(at, at + count);
            at += page.length;
            return { entries: page, done: at >= all.length };
          },
          close: () => undefined,
        };
      },
      scan: async (p, k) => {
        calls.counts.push(p);
        const all = dirs[p] ?? [];
        return { count: all.length, oldest: all.slice(0, k), newest: k ? all.slice(-k).reverse() : [], undated: 0, incomplete: null };
      },
    },
    evidence: {
      destinations: async ({ troubled, fileName }) => [
        { mount: '/dev/shm', fstype: 'tmpfs', availBytes: 2 * 2 ** 30, usePercent: 0, file: `/dev/shm/${fileName}`, ok: true, troubled: false },
        { mount: '/var', fstype: 'ext4', availBytes: 0.1 * 2 ** 30, usePercent: 99, file: `/var/${fileName}`, ok: false, reason: 'is 99% full (limit 98%)', troubled: troubled.includes('/var') },
      ],
      capture: { unavailable: 'not in this build yet' },
      record: async (file, title, markdown) => {
        calls.records.push({ file, title, markdown });
        return { ok: true, incidentFile: file, section: { title, sha256: 'a'.repeat(64), bytes: markdown.length } };
      },
    },
    purge: { unavailable: 'needs the purge core' },
    truncate: { unavailable: 'needs the truncate core' },
    summary: { prevention: async () => [{ title: 'Forward root mail', status: 'todo', detail: 'no root: alias', file: '/etc/aliases' }] },
    ...over,
  };
  return { ports, calls };
}

// A purge port whose execution the test steps through (progress, then the result).
export function steppedPurge(plan: Partial<PurgePlan> = {}) {
  const run = controlled<PurgeResult>();
  let progress: ((p: PurgeProgress) => void) | undefined;
  const planned: PurgePlan = {
    target: '/var/spool/postfix/maildrop',
    strategy: 'swap',
    strategyReason: 'an empty copy is swapped in at once',
    entries: 100,
    bytes: 1_000_000,
    uid: 107,
    gid: 114,
    owner: 'postfix',
    group: 'postdrop',
    mode: 0o1730,
    selinuxLabel: null,
    postfixRunning: false,
    warnings: [],
    ...plan,
  };
  const executed: PurgePlan[] = [];
  return {
    executed,
    run,
    progress: (p: PurgeProgress) => progress?.(p),
    port: {
      plan: async (dir: string) => ({ ...planned, target: dir }),
      execute: (p: PurgePlan, opts: TaskOptions<PurgeProgress>) => {
        executed.push(p);
        progress = opts.onProgress;
        run.attach(opts.signal);
        return run.promise;
      },
    },
  };
}
