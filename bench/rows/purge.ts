import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SERVER } from '../../fixtures/generate.js';
import { createRng } from '../../fixtures/lib/prng.js';
import { createQueueIdSource } from '../../fixtures/lib/queue-id.js';
import { maildropFile } from '../../fixtures/lib/queue-file.js';
import { makeQueueDirs } from '../../fixtures/lib/queue-tree.js';
import { measureOnce } from '../measure.js';
import type { BenchCommand, BenchContext, BenchRow, Measure } from '../types.js';

// Purge must beat `find DIR -mindepth 1 -delete` on a flooded maildrop, stay in bounded memory at
// a million files, and (swap) give the queue back within a second whatever its size. Each timed
// run deletes its input, so the maildrop is rebuilt (untimed, synced to disk) before every run.

const QUEUE = 'var/spool/postfix';
// The size of the rows' maildrop: 200,000 by default; SPOOLRESCUE_BENCH_PURGE_FILES=1000000 for a
// million (the 1M rows always use a million).
const FILES = Number(process.env.SPOOLRESCUE_BENCH_PURGE_FILES) || 200_000;
const label = (n: number) => n.toLocaleString('en-US');

// A maildrop of `files` postdrop files under the real queue layout, written as fast as the disk
// takes them: one queue file's bytes reused, a queue-ID name each, no per-file timestamps or
// owners (what unlink costs depends on the entries, not on their contents), then synced.
function rebuild(root: string, files: number): void {
  fs.rmSync(root, { recursive: true, force: true });
  const queueDir = path.join(root, QUEUE);
  makeQueueDirs(queueDir, DEFAULT_SERVER.owners, 0o1730);
  const dir = path.join(queueDir, 'maildrop') + '/';
  const nextId = createQueueIdSource(createRng(6));
  const data = maildropFile({ arrivalMs: DEFAULT_SERVER.endMs, sender: 'root', recipients: ['root'], lines: ['Subject: Cron <root@mail> /usr/local/bin/backup.sh', '', 'backup done'] });
  for (let i = 0; i < files; i++) {
    const fd = fs.openSync(dir + nextId(), 'wx', 0o744);
    fs.writeSync(fd, data);
    fs.closeSync(fd);
  }
  execFileSync('sync', ['-f', root]);
}

function checkEmpty(root: string): void {
  const left = fs.readdirSync(path.join(root, QUEUE, 'maildrop')).length;
  const asides = fs.readdirSync(path.join(root, QUEUE)).filter((n) => n.includes('spoolrescue'));
  if (left || asides.length) throw new Error(`not purged: ${left} entries left, leftovers ${asides.join(', ')}`);
  fs.rmSync(root, { recursive: true, force: true });
}

const rootFor = (ctx: BenchContext, files: number) => path.join(ctx.workDir, `purge-${files}`);

function ours(ctx: BenchContext, files: number, extra: string[] = []): BenchCommand {
  const root = rootFor(ctx, files);
  return {
    label: `spoolrescue purge DIR --yes${extra.length ? ' ' + extra.join(' ') : ''}`,
    argv: ctx.ours('purge', '--root', root, `/${QUEUE}/maildrop`, '--yes', '--json', ...extra),
    before: () => rebuild(root, files),
    after: (stdout) => {
      const j = JSON.parse(stdout);
      if (!j.ok) throw new Error(`purge failed: ${j.failures.join('; ')}`);
      checkEmpty(root);
    },
  };
}

function find(ctx: BenchContext, files: number): BenchCommand {
  const root = rootFor(ctx, files);
  return {
    label: 'find DIR -mindepth 1 -delete',
    argv: ['find', path.join(root, QUEUE, 'maildrop'), '-mindepth', '1', '-delete'],
    before: () => rebuild(root, files),
    after: () => checkEmpty(root),
  };
}

// `rm -rf DIR`: the seed's way (the directory itself goes too and must be recreated by hand).
function rmRf(ctx: BenchContext, files: number): BenchCommand {
  const root = rootFor(ctx, files);
  return {
    label: 'rm -rf DIR',
    argv: ['rm', '-rf', path.join(root, QUEUE, 'maildrop')],
    before: () => rebuild(root, files),
    after: () => {
      if (fs.existsSync(path.join(root, QUEUE, 'maildrop'))) throw new Error('rm -rf left the maildrop');
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

// The 1M swap run is measured once and shared by the two 1M rows (time/RSS and back-in-place).
let million: { m: Measure; backMs: number } | undefined;
async function millionRun(ctx: BenchContext): Promise<{ m: Measure; backMs: number }> {
  if (!million) {
    const m = await measureOnce(ours(ctx, 1_000_000));
    million = { m, backMs: Number(JSON.parse(m.stdout).result.dirBackInPlaceAfterMs) };
  }
  return million;
}

export const rows: BenchRow[] = [
  {
    id: 'purge-200k-swap',
    group: 'purge',
    title: `empty a ${label(FILES)}-file maildrop (swap)`,
    ours: (ctx) => ours(ctx, FILES),
    classic: (ctx) => find(ctx, FILES),
    limits: { ratioMax: 1.0, ratioGoal: 0.8 },
    notes: 'each run rebuilds the maildrop (untimed) and syncs it to disk first; ours includes the count for the ETA',
  },
  {
    id: 'purge-200k-in-place',
    group: 'purge',
    title: `empty a ${label(FILES)}-file maildrop (in place)`,
    runs: 3,
    ours: (ctx) => ours(ctx, FILES, ['--in-place']),
    classic: (ctx) => find(ctx, FILES),
    limits: { ratioMax: 1.0, ratioGoal: 0.8 },
  },
  {
    id: 'purge-200k-vs-rm-rf',
    group: 'purge',
    title: `empty a ${label(FILES)}-file maildrop (swap), against rm -rf`,
    runs: 3,
    ours: (ctx) => ours(ctx, FILES),
    classic: (ctx) => rmRf(ctx, FILES),
    limits: { ratioMax: 1.0, ratioGoal: 0.8 },
    notes: 'rm -rf also removes the directory itself (to be recreated with the right owner, mode and label); ours leaves an empty maildrop in place',
  },
  {
    id: 'purge-1m',
    group: 'purge',
    title: 'empty a 1,000,000-file maildrop (swap): time and peak RSS',
    runs: 1,
    ours: (ctx) => ours(ctx, 1_000_000),
    classic: (ctx) => find(ctx, 1_000_000),
    measure: async (ctx) => {
      const run = await millionRun(ctx);
      const classic = await measureOnce(find(ctx, 1_000_000));
      return { ours: run.m, classic, figures: `DIR back in place after ${run.backMs} ms` };
    },
    limits: { rssMaxMB: 150 },
  },
  {
    id: 'purge-1m-back-in-place',
    group: 'purge',
    title: 'swap: DIR usable again (empty, right owner/mode) after start, 1,000,000 files',
    runs: 1,
    ours: () => ({ label: 'result.dirBackInPlaceAfterMs', argv: [] }),
    measure: async (ctx) => {
      const run = await millionRun(ctx);
      return { ours: { ...run.m, wallS: run.backMs / 1000 }, figures: `whole purge ${run.m.wallS.toFixed(1)} s` };
    },
    limits: { oursMaxS: 1.0 },
    notes: 'milliseconds from process start (node startup included) until the new empty directory was renamed into place',
  },
];
