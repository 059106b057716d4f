import path from 'node:path';
import type { Finding } from '../../src/core/prevent/finding.js';
import type { DfReport, FilesystemRow, HotspotReport, LsEntry, Ports, PurgePort, PurgeProgress, PurgeResult, PurgeReview, SummaryPort, TaskOptions } from '../../src/ui/ports/index.js';
import type { QueueScan } from '../../src/core/queue/scan-result.js';
import { parseSelectionLine } from '../../src/core/queue/selection-line.js';
import type { QueueActResult, QueuePort, QueueReview } from '../../src/ui/ports/index.js';
import { fakePlan } from './fake-plan.js';
import { dfFlag } from '../../src/core/disks/model.js';

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
    dfFlag({ code: 'bytes-full', usePercent: 99, availBytes: 0.1 * 2 ** 30, reservedBytes: 0 }),
    dfFlag({ code: 'inodes-full', inodeUsePercent: 100, inodesFree: 1000 }),
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
  purges: PurgeReview[];
  pagesRead: number[];
  counts: string[];
  captures: string[];
  fixes: { id: string; forwardRootTo?: string; applied: boolean }[];
  closings: { file: string; fixed: string[] }[];
}

// A full set of fake ports; pass overrides for the part a test drives.
export function fakePorts(over: Partial<Ports> = {}, dirs: Record<string, LsEntry[]> = { '/var/spool/postfix/maildrop': entries(100) }) {
  const calls: FakeCalls = { scans: [], records: [], purges: [], pagesRead: [], counts: [], captures: [], fixes: [], closings: [] };
  const ports: Ports = {
    session: { hostname: 'mx1', show: (p) => p, resolve: (p) => path.resolve('/', p), now: () => new Date(2026, 10, 20, 3, 14) },
    disks: { loadDisks: async () => DISKS },
    hotspots: {
      scan: async (root) => {
        calls.scans.push(root);
        return { report: SMALL_REPORT(root), children: async () => [] };
      },
    },
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
      capture: {
        run: async (req) => {
          calls.captures.push(req.source);
          return { incidentFile: req.incidentFile, kind: 'mbox', source: req.source, sha256: 'b'.repeat(64), bytesWritten: 1000, summary: [`mbox ${req.source}: 1000 bytes`] };
        },
      },
      record: async (file, title, markdown) => {
        calls.records.push({ file, title, markdown });
        return { ok: true, incidentFile: file, section: { title, sha256: 'a'.repeat(64), bytes: markdown.length } };
      },
    },
    purge: steppedPurge().port,
    maillog: {
      look: async () => ({ refused: { reason: 'no mail log in this test' }, lines: [], files: [], bytesTotal: 0 }),
      pass: async () => Promise.reject(new Error('no mail log in this test')),
      record: async (req) => Promise.reject(new Error(`no mail log in this test (asked to record into ${req.incidentFile})`)),
    },
    truncate: {
      plan: async (spool) => ({ target: spool, sizeBytes: 4 * 2 ** 30, dev: 1, ino: 2, uid: 0, gid: 8, owner: 'root', group: 'mail', mode: 0o600, lock: 'dotlock', capture: null, lateBytes: 0, refusal: 'no incident file yet: capture this spool first (Evidence, step 4)' }),
      execute: async () => Promise.reject(new Error('refused plans are never executed')),
    },
    summary: fakeSummary(calls),
    queue: fakeQueue().port,
    plan: fakePlan().port,
    ...over,
  };
  return { ports, calls };
}

// A purge port whose execution the test steps through (progress, then the result).
export function steppedPurge(review: Partial<PurgeReview> = {}) {
  const run = controlled<PurgeResult>();
  let progress: ((p: PurgeProgress) => void) | undefined;
  const planned: PurgeReview = {
    target: '/var/spool/postfix/maildrop',
    name: 'maildrop',
    entries: 100,
    lines: [
      '  what:       Postfix maildrop queue (allowed: Postfix maildrop queue)',
      '  snapshot:   owner postfix:postdrop (107:114), mode 01730, SELinux label none',
      '  contents:   100 entries, 976.6 KiB',
      '  Postfix:    not running (no pid/master.pid); config /etc/postfix, queue /var/spool/postfix',
      '  strategy:   swap',
      '              - an empty copy with the same owner, mode and label replaces DIR at once',
    ],
    ...review,
  };
  const executed: PurgeReview[] = [];
  let signal: AbortSignal | undefined;
  return {
    executed,
    run,
    progress: (p: PurgeProgress) => progress?.(p),
    /** The signal of the running purge (like the core, the fake does not reject on abort: the test resolves). */
    signal: () => signal,
    port: {
      plan: async (dir: string) => ({ ...planned, target: dir }),
      execute: (r: PurgeReview, opts: TaskOptions<PurgeProgress>) => {
        executed.push(r);
        progress = opts.onProgress;
        signal = opts.signal;
        return run.promise;
      },
    } satisfies PurgePort,
  };
}

// The result of a purge that went well, as the purge core words it.
export function purged(over: Partial<PurgeResult> = {}): PurgeResult {
  return {
    ok: true,
    aborted: false,
    removed: 100,
    bytesFreed: 1_000_000,
    seconds: 2,
    lines: [
      'Purged: /var/spool/postfix/maildrop (swap): 100 entries removed, 976.6 KiB freed in 2.0 s',
      '  verified: owner postfix:postdrop (107:114), mode 01730, label none: as snapshotted',
      '  contents: empty',
      '  postfix check: ok, nothing to report',
    ],
    failures: [],
    ...over,
  };
}

// A report small enough for screens that only need a scan to have happened.
function SMALL_REPORT(root: string): HotspotReport {
  const dir = { path: '/var/spool/postfix/maildrop', bytes: 28 * 2 ** 20, entries: 100, subtreeBytes: 28 * 2 ** 20, subtreeEntries: 101, mail: { kind: 'queue' as const, queue: 'maildrop', label: 'maildrop queue' } };
  return { root, device: '/dev/vdb1', fstype: 'ext4', mount: root, totalBytes: 29 * 2 ** 20, totalEntries: 120, directories: 10, byBytes: [dir], byEntries: [dir], largestFiles: [{ path: '/var/spool/mail/root', bytes: 4 * 2 ** 30, size: 4 * 2 ** 30, mail: { kind: 'mailbox', user: 'root', label: "root's mailbox" } }], skippedMounts: [], errors: [], errorCount: 0, elapsedMs: 5 };
}

// Findings as the prevent op reports them: one fixable per kind of flow (address asked, plain),
// one advice only. Applying a fix removes its finding from the next read.
export const FINDINGS: Finding[] = [
  { code: 'root-mail-stays-local', id: 'root-mail-stays-local', severity: 'high', where: { file: '/etc/aliases', line: 15 }, fixable: true, facts: { case: 'no-root-alias', file: '/etc/aliases', commented: null } },
  { code: 'crond-mail-on', id: 'crond-mail-on', severity: 'info', where: { file: '/etc/sysconfig/crond', line: 3 }, fixable: true, facts: { file: '/etc/sysconfig/crond', crondArgs: '', silenced: false } },
  { code: 'open-relay-risk', id: 'open-relay-risk', severity: 'low', where: { setting: 'mynetworks' }, fixable: false, facts: { causes: [{ kind: 'wide-networks', wide: ['0.0.0.0/0'], hostNetworks: ['192.0.2.0/24'] }] } },
];

function fakeSummary(calls: FakeCalls): SummaryPort {
  const fixed = new Set<string>();
  let handle = 0;
  return {
    prevention: async () => ({ findings: FINDINGS.filter((f) => !fixed.has(f.id)), unreadable: [] }),
    planFix: async (id, forwardRootTo) => {
      calls.fixes.push({ id, forwardRootTo, applied: false });
      const line = id === 'crond-mail-on' ? ['-CRONDARGS=', '+CRONDARGS="-m off"'] : ['-#root: marc', `+root:\t\t${forwardRootTo}`];
      return { id, handle: ++handle, lines: ['--- /etc/x', '+++ /etc/x', ...line, 'Then:', '  systemctl restart crond'], refusal: null };
    },
    applyFix: async (review) => {
      calls.fixes.push({ id: review.id, applied: true });
      fixed.add(review.id);
      return { id: review.id, ok: true, fixed: true, lines: ['edited /etc/x (backup /var/backups/spoolrescue/etc__x.1)', `${review.id}: gone when the configuration was read again`] };
    },
    closing: async (file, ids) => {
      calls.closings.push({ file, fixed: ids });
      return { ok: true, incidentFile: file, section: { title: 'closing', sha256: 'c'.repeat(64), bytes: 10 } };
    },
  };
}

// A queue of 1,000 messages in rows per key; the scan reports half-way and waits for the test
// (finish()) or for Esc, which returns what was read, as the queue op does.
export function fakeQueue() {
  const groups: Record<string, [string, number][]> = { domain: [['forged1.example', 600], ['partner.example', 300], ['corp.example', 100]], sender: [['<>', 600], ['staff@corp.example', 400]] };
  const scanned: string[] = [];
  const reviews: { by: string; keys: string[]; action: string; line?: string }[] = [];
  const acted: QueueReview[] = [];
  const incidentFiles: (string | undefined)[] = [];
  let finish: () => void = () => undefined;
  const shape = (by: string, aborted: boolean): QueueScan => {
    const rows = (groups[by] ?? [['(none)', 1000]]).map(([key, n]) => ({ key, total: aborted ? n / 2 : n, messages: aborted ? n / 2 : n, bytes: n * 2000, buckets: [n, 0, 0, 0, 0, 0, 0, 0, 0] }));
    const messages = aborted ? 500 : 1000;
    return {
      by: by as QueueScan['by'], bucketLabels: ['0', '5', '10', '20', '40', '80', '160', '320', '640'], rows, rest: null,
      totals: { key: 'TOTAL', total: messages, messages, bytes: 2_000_000, buckets: [messages, 0, 0, 0, 0, 0, 0, 0, 0] },
      messages, broken: 0, incomplete: 0, vanished: 0, perQueue: { deferred: messages },
      verdicts: [{ code: 'backscatter', messages: 1000, nullSender: 600, bounceDomains: 500, match: 'sender=<>', share: 0.6 }],
      selected: [], selectedBytes: 0, selectedBeyond: 0, sample: [], brokenSample: [],
      notes: { subdirs: 0, strays: 0, missingQueues: [], unreadable: [], overflowKeys: 0 }, aborted, elapsedMs: 4000,
    };
  };
  const port: QueuePort = {
    scan: (by, o) =>
      new Promise((resolve) => {
        scanned.push(by);
        o.onProgress?.({ files: 0, ratePerS: 0, elapsedMs: 0 });
        o.onProgress?.({ files: 500, total: 1000, ratePerS: 250, elapsedMs: 2000, etaS: 2 });
        finish = () => resolve({ queueDir: '/var/spool/postfix', postfix: 'Postfix is stopped (test)', scan: shape(by, false) });
        o.signal.addEventListener('abort', () => resolve({ queueDir: '/var/spool/postfix', postfix: 'Postfix is stopped (test)', scan: shape(by, true) }));
      }),
    review: async (req) => {
      reviews.push(req);
      let n = req.keys.reduce((sum, key) => sum + ((groups[req.by] ?? []).find(([k]) => k === key)?.[1] ?? 0), 0);
      let match = req.keys.map((k) => `${req.by}=${k}`).join(' ');
      if (req.line !== undefined) {
        // a typed line: the real parser; the first rule counted against the groups of its field
        const parsed = parseSelectionLine(req.line);
        const rule = parsed.selection.matches[0];
        n = rule ? (groups[rule.field] ?? []).filter(([k]) => rule.re.test(k)).reduce((sum, [, c]) => sum + c, 0) : 1000;
        match = parsed.canonical;
      }
      return { handle: reviews.length, ...req, match, count: n, bytes: n * 2000, staysCount: 1000 - n, staysBytes: (1000 - n) * 2000, beyond: 0, lines: [`Selected: ${n} messages to ${req.action}.`, `Stays: ${1000 - n} messages are not touched.`, 'How: direct removal (Postfix is stopped).'] };
    },
    act: async (review, o): Promise<QueueActResult> => {
      acted.push(review);
      incidentFiles.push(o.incidentFile);
      o.onProgress?.({ done: review.count, total: review.count, ratePerS: 1000 });
      return { ok: true, aborted: false, done: review.count, selected: review.count, bytesFreed: review.bytes, lines: [`${review.action}: ${review.count} of ${review.count} messages (direct).`, 'postfix check: not run (test)'] };
    },
  };
  return { port, scanned, reviews, acted, incidentFiles, finish: () => finish() };
}
