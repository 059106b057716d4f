import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { BenchCommand, BenchContext, BenchRow } from '../types.js';
import { cacheAgeSec, cachedQueue, mendWorkCopy, type CachedQueue } from './queue-cache.js';
import { startShowqInstance, stopShowqInstance } from './queue-showq.js';

// Queue triage against the classic tools on the same generated queue (records as cleanup writes
// them, validated with postcat/qshape in test/fixtures/queue-flood.test.ts): the qshape table,
// --list streaming, and a selective delete (20% by age) with Postfix stopped vs find -delete.
// SPOOLRESCUE_BENCH_QUEUE_FILES sets the size (default 50,000, modest while the machine is shared;
// the queue is generated once per size and cached, see queue-cache.ts;
// the size is 1,000,000).

const FILES = Number(process.env.SPOOLRESCUE_BENCH_QUEUE_FILES ?? 50_000);
const shown = FILES.toLocaleString('en-US');
const ROOT_QUEUE = 'var/spool/postfix';
const FOUR_DAYS_SEC = 4 * 86_400;

// The queue is generated once and cached (bench/rows/queue-cache.ts); rows only time.
let cache: CachedQueue | undefined;
const queue = (ctx: BenchContext): CachedQueue => (cache ??= cachedQueue(FILES, ctx.log));
let showqEtc = '';

function aggregate(ctx: BenchContext): BenchCommand {
  return { label: 'spoolrescue queue deferred --json', argv: ctx.ours('--postfix-config', queue(ctx).etc, 'queue', 'deferred', '--json') };
}

const workQueue = (ctx: BenchContext) => path.join(queue(ctx).workRoot, ROOT_QUEUE);
const countLeft = (dir: string) => Number(execFileSync('sh', ['-c', `find '${dir}/deferred' -type f | wc -l`]).toString().trim());

// Puts back what the previous run deleted from the work copy (untimed).
function mend(ctx: BenchContext): void {
  const t0 = Date.now();
  const n = mendWorkCopy(queue(ctx));
  if (n) ctx.log(`queue work copy: ${n.toLocaleString('en-US')} files copied back in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function checkDeleted(ctx: BenchContext): void {
  const left = countLeft(workQueue(ctx));
  if (left < FILES * 0.75 || left > FILES * 0.85) throw new Error(`expected about 80% left, found ${left} of ${FILES}`);
}

// Both sides list the same messages: their first lines are postqueue -j objects of the deferred
// queue (the harness keeps the first MiB of stdout only, so the count is not checked here).
function checkListed(stdout: string): void {
  const first = JSON.parse(stdout.slice(0, stdout.indexOf('\n'))) as { queue_name?: string; queue_id?: string };
  if (first.queue_name !== 'deferred' || !first.queue_id) throw new Error(`not a postqueue -j line: ${stdout.slice(0, 200)}`);
}

// "Older than 4 days" at generation time: the cached queue ages, so the selector ages with it.
const olderThanSec = (ctx: BenchContext) => FOUR_DAYS_SEC + cacheAgeSec(queue(ctx));

export const rows: BenchRow[] = [
  {
    id: `queue-aggregate-${FILES}`,
    group: 'queue',
    title: `qshape-style table of ${shown} deferred queue files (warm cache)`,
    runs: 3,
    setup: (ctx) => {
      execFileSync('sh', ['-c', `find '${queue(ctx).spool}/deferred' -type f -exec cat {} + > /dev/null`]);
    },
    ours: aggregate,
    classic: (ctx) => ({ label: 'qshape -c DIR deferred', argv: ['qshape', '-c', queue(ctx).etc, 'deferred'] }),
    limits: { ratioMax: 1 / 3, ratioGoal: 1 / 5, rssMaxMB: 200 },
    notes: `ours reads the envelopes in ${Math.min(4, os.availableParallelism())} worker threads and also reads SASL login, client, uid and writes verdicts; qshape counts domains x age only; load average at start ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (machine shared)`,
  },
  {
    id: `queue-list-${FILES}`,
    group: 'queue',
    title: `--list of ${shown} messages (JSON Lines, streamed): peak RSS`,
    runs: 1,
    setup: (ctx) => {
      // postqueue -j asks showq, which needs Postfix running: a private instance that changes nothing
      showqEtc = startShowqInstance(path.join(ctx.workDir, 'queue-showq'), queue(ctx).spool);
    },
    teardown: () => {
      if (showqEtc) stopShowqInstance(showqEtc);
    },
    ours: (ctx) => ({ label: 'spoolrescue queue deferred --list', argv: ctx.ours('--postfix-config', queue(ctx).etc, 'queue', 'deferred', '--list'), after: (out) => checkListed(out) }),
    classic: () => ({ label: 'postqueue -c DIR -j', argv: ['postqueue', '-c', showqEtc, '-j'], after: (out) => checkListed(out) }),
    limits: { rssMaxMB: 200 },
    notes: `ours reads the files (Postfix may be stopped) and each defer log for delay_reason, as showq does; postqueue -j asks showq of a private Postfix instance over the same queue (qmgr and pickup disabled, so nothing moves); load average at start ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (machine shared)`,
  },
  {
    id: `queue-delete-20pct-${FILES}`,
    group: 'queue',
    title: `delete the 20% older than 4 days of ${shown} (Postfix stopped), with defer logs`,
    runs: 1,
    ours: (ctx) => ({
      label: 'spoolrescue queue deferred --older-than 4d --delete --yes',
      argv: ctx.ours('--root', queue(ctx).workRoot, 'queue', 'deferred', '--older-than', `${olderThanSec(ctx)}s`, '--delete', '--yes', '--json'),
      before: () => mend(ctx),
      after: () => checkDeleted(ctx),
    }),
    classic: (ctx) => ({
      label: 'find deferred defer -type f -mmin +5760 -delete',
      argv: ['find', path.join(workQueue(ctx), 'deferred'), path.join(workQueue(ctx), 'defer'), '-type', 'f', '-mmin', `+${Math.floor(olderThanSec(ctx) / 60)}`, '-delete'],
      before: () => mend(ctx),
      after: () => checkDeleted(ctx),
    }),
    teardown: (ctx) => mend(ctx),
    limits: { ratioMax: 1.2 },
    notes: `ours reads every envelope to select by arrival time (T record), then unlinks each file and its defer log; find selects by mtime, which the generator sets to the arrival time; each run works on a copy of the cached queue, mended before it (only what the last run deleted is copied back, untimed); load average at start ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (machine shared)`,
  },
];
