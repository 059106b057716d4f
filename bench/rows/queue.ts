import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRng } from '../../fixtures/lib/prng.js';
import { writeQueueFlood } from '../../fixtures/lib/queue-flood.js';
import type { BenchCommand, BenchContext, BenchRow } from '../types.js';

// Queue triage against the classic tools on the same generated queue (records as cleanup writes
// them, validated with postcat/qshape in test/fixtures/queue-flood.test.ts): the qshape table,
// --list streaming, and a selective delete (20% by age) with Postfix stopped vs find -delete.
// SPOOLRESCUE_BENCH_QUEUE_FILES sets the size (default 50,000, modest while the machine is shared;
// the size is 1,000,000).

const FILES = Number(process.env.SPOOLRESCUE_BENCH_QUEUE_FILES ?? 50_000);
const DAY = 86_400_000;
const END = Date.UTC(2026, 11, 1);
const shown = FILES.toLocaleString('en-US');
const ROOT_QUEUE = 'var/spool/postfix';

function postfixUid(): number {
  try {
    return Number(execFileSync('id', ['-u', 'postfix']).toString().trim());
  } catch {
    return 0;
  }
}

// A queue with a configuration directory qshape and postqueue can read (`-c DIR/etc`).
function build(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'etc'), { recursive: true });
  fs.copyFileSync('/etc/postfix/master.cf', path.join(dir, 'etc', 'master.cf'));
  fs.writeFileSync(path.join(dir, 'etc', 'main.cf'), `queue_directory = ${path.join(dir, 'spool')}\ncompatibility_level = 3.6\n`);
  flood(path.join(dir, 'spool'));
}

// A rescued disk for --root: the queue at Postfix's default place, no configuration (no postfix check).
function buildRoot(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  flood(path.join(dir, ROOT_QUEUE));
}

// Arrivals over the 5 days before "now" (mtime = arrival), so --older-than 4d selects ~20%.
function flood(queueDir: string): void {
  const now = Date.now();
  // owned by $mail_owner as in a real queue: postqueue's showq reads the files as that user
  writeQueueFlood({ queueDir, rng: createRng(14), files: FILES, startMs: now - 5 * DAY, endMs: now, ownerUid: postfixUid() });
  execFileSync('sync', ['-f', queueDir]);
}

const shared = (ctx: BenchContext) => ctx.input(`queue-flood-${FILES}`, build);
let sharedDir = '';

function aggregate(ctx: BenchContext): BenchCommand {
  return { label: 'spoolrescue queue deferred --json', argv: ctx.ours('--postfix-config', path.join(sharedDir, 'etc'), 'queue', 'deferred', '--json') };
}

const deleteDir = (ctx: BenchContext) => path.join(ctx.workDir, `queue-delete-${FILES}`);
const countLeft = (dir: string) => Number(execFileSync('sh', ['-c', `find '${dir}/${ROOT_QUEUE}/deferred' -type f | wc -l`]).toString().trim());

function checkDeleted(dir: string): void {
  const left = countLeft(dir);
  if (left < FILES * 0.75 || left > FILES * 0.85) throw new Error(`expected about 80% left, found ${left} of ${FILES}`);
}

export const rows: BenchRow[] = [
  {
    id: `queue-aggregate-${FILES}`,
    group: 'queue',
    title: `qshape-style table of ${shown} deferred queue files (warm cache)`,
    runs: 3,
    setup: async (ctx) => {
      sharedDir = await shared(ctx);
      execFileSync('sh', ['-c', `find '${sharedDir}/spool' -type f -exec cat {} + > /dev/null`]);
    },
    ours: aggregate,
    classic: () => ({ label: 'qshape -c DIR deferred', argv: ['qshape', '-c', path.join(sharedDir, 'etc'), 'deferred'] }),
    limits: { ratioMax: 1 / 3, ratioGoal: 1 / 5, rssMaxMB: 200 },
    notes: `ours reads the envelopes in ${Math.min(4, os.availableParallelism())} worker threads and also reads SASL login, client, uid and writes verdicts; qshape counts domains x age only; load average at start ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (machine shared)`,
  },
  {
    id: `queue-list-${FILES}`,
    group: 'queue',
    title: `--list of ${shown} messages (JSON Lines, streamed): peak RSS`,
    runs: 1,
    setup: async (ctx) => {
      sharedDir = await shared(ctx);
    },
    ours: (ctx) => ({ label: 'spoolrescue queue --list', argv: ctx.ours('--postfix-config', path.join(sharedDir, 'etc'), 'queue', 'deferred', '--list') }),
    classic: () => ({ label: 'postqueue -c DIR -j', argv: ['postqueue', '-c', path.join(sharedDir, 'etc'), '-j'] }),
    limits: { rssMaxMB: 200 },
    notes: 'ours also reads each defer log for delay_reason, as postqueue does',
  },
  {
    id: `queue-delete-20pct-${FILES}`,
    group: 'queue',
    title: `delete the 20% older than 4 days of ${shown} (Postfix stopped), with defer logs`,
    runs: 1,
    ours: (ctx) => ({
      label: 'spoolrescue queue deferred --older-than 4d --delete --yes',
      argv: ctx.ours('--root', deleteDir(ctx), 'queue', 'deferred', '--older-than', '4d', '--delete', '--yes', '--json'),
      before: () => buildRoot(deleteDir(ctx)),
      after: () => checkDeleted(deleteDir(ctx)),
    }),
    classic: (ctx) => ({
      label: 'find deferred defer -type f -mmin +5760 -delete',
      argv: ['find', path.join(deleteDir(ctx), ROOT_QUEUE, 'deferred'), path.join(deleteDir(ctx), ROOT_QUEUE, 'defer'), '-type', 'f', '-mmin', '+5760', '-delete'],
      before: () => buildRoot(deleteDir(ctx)),
      after: () => checkDeleted(deleteDir(ctx)),
    }),
    teardown: (ctx) => fs.rmSync(deleteDir(ctx), { recursive: true, force: true }),
    limits: { ratioMax: 1.2 },
    notes: `ours reads every envelope to select by arrival time (T record), then unlinks each file and its defer log; find selects by mtime, which the generator sets to the arrival time; each run rebuilds the queue (untimed); load average at start ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (machine shared)`,
  },
];
