import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { BenchCommand, BenchContext, BenchRow } from '../types.js';
import { cachedQueue, type CachedQueue } from './queue-cache.js';
import { startShowqInstance, stopShowqInstance } from './queue-showq.js';

// Queue triage against the classic tools on the same generated queue (records as cleanup writes
// them, validated with postcat/qshape in test/fixtures/queue-flood.test.ts): the qshape table,
// and --list streaming (the selective delete is in queue-delete.ts).
// SPOOLRESCUE_BENCH_QUEUE_FILES sets the size (default 50,000, modest while the machine is shared;
// the queue is generated once per size and cached, see queue-cache.ts;
// the size is 1,000,000).

const FILES = Number(process.env.SPOOLRESCUE_BENCH_QUEUE_FILES ?? 50_000);
const shown = FILES.toLocaleString('en-US');

// The queue is generated once and cached (bench/rows/queue-cache.ts); rows only time.
let cache: CachedQueue | undefined;
const queue = (ctx: BenchContext): CachedQueue => (cache ??= cachedQueue(FILES, ctx.log));
let showqEtc = '';

function aggregate(ctx: BenchContext): BenchCommand {
  return { label: 'spoolrescue queue deferred --json', argv: ctx.ours('--postfix-config', queue(ctx).etc, 'queue', 'deferred', '--json') };
}

// Both sides list the same messages: their first lines are postqueue -j objects of the deferred
// queue (the harness keeps the first MiB of stdout only, so the count is not checked here).
function checkListed(stdout: string): void {
  const first = JSON.parse(stdout.slice(0, stdout.indexOf('\n'))) as { queue_name?: string; queue_id?: string };
  if (first.queue_name !== 'deferred' || !first.queue_id) throw new Error(`not a postqueue -j line: ${stdout.slice(0, 200)}`);
}

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
];
