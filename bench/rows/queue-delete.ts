import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchContext, BenchRow } from '../types.js';
import { cachedQueue, mendWorkCopy, type CachedQueue } from './queue-cache.js';

// Selective delete with Postfix stopped: one recipient domain pattern that selects 20% of the
// generated queue (backscatter to forged0..499.example is 40% of it; the names ending in 0-4 are
// half of those), removed by `queue --match domain=... --delete --yes` (reads every envelope to
// select, then unlinks each file and its defer log) against `rm` given the paths of the same
// files (queue files and defer logs, listed before the runs by grep on the recipient records, so
// the classic side does no selecting at all). Each run works on a copy of the cached queue made
// under the bench directory (the cache itself is never changed), mended before each run: only
// what the last run deleted is copied back, untimed.
// SPOOLRESCUE_BENCH_QUEUE_FILES sets the size (default 50,000; the size is 1,000,000).

const FILES = Number(process.env.SPOOLRESCUE_BENCH_QUEUE_FILES ?? 50_000);
const shown = FILES.toLocaleString('en-US');
const ROOT_QUEUE = 'var/spool/postfix';
const DOMAIN_GLOB = 'forged*[0-4].example';
/** The same recipients as DOMAIN_GLOB, in the queue files' O/R records (generated names are digits). */
const DOMAIN_RE = '@forged[0-9]*[0-4][.]example';

let cache: CachedQueue | undefined;
const queue = (ctx: BenchContext): CachedQueue => (cache ??= cachedQueue(FILES, ctx.log));
// the copy the runs delete from, and the list of the selected files' paths (queue file + defer log)
const workRoot = (ctx: BenchContext) => path.join(ctx.workDir, `queue-select-${FILES}`);
const workQueue = (ctx: BenchContext) => path.join(workRoot(ctx), ROOT_QUEUE);
const listFile = (ctx: BenchContext) => path.join(ctx.workDir, `queue-select-${FILES}.list`);
const relListFile = (ctx: BenchContext) => path.join(ctx.workDir, `queue-select-${FILES}.rel`);
const idsFile = (ctx: BenchContext) => path.join(ctx.workDir, `queue-select-${FILES}.ids.jsonl`);
let selectedCount = 0;

const countFiles = (dir: string) => Number(execFileSync('sh', ['-c', `find '${dir}' -type f | wc -l`]).toString().trim());

// Makes the work copy (cp -a once) or puts back what the previous run deleted from it, which is
// the listed files (each run is checked to delete exactly those): tar copies them with their mode,
// owner and mtime (untimed).
function mend(ctx: BenchContext): void {
  const t0 = Date.now();
  const q = queue(ctx);
  if (!fs.existsSync(path.join(workQueue(ctx), 'deferred'))) {
    fs.mkdirSync(path.dirname(workQueue(ctx)), { recursive: true });
    execFileSync('cp', ['-a', q.spool, workQueue(ctx)]);
    ctx.log(`queue delete: work copy of ${shown} made in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return;
  }
  if (!fs.existsSync(relListFile(ctx))) {
    const n = mendWorkCopy({ ...q, workRoot: workRoot(ctx) });
    if (n) ctx.log(`queue delete: ${n.toLocaleString('en-US')} files copied back in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return;
  }
  execFileSync('sh', ['-c', 'tar -C "$1" -cf - --files-from="$2" | tar -C "$3" -xpf -', 'mend', q.spool, relListFile(ctx), workQueue(ctx)]);
  ctx.log(`queue delete: ${(2 * selectedCount).toLocaleString('en-US')} files copied back in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

// The classic side's input: the queue files whose recipients match, and their defer logs.
function listSelected(ctx: BenchContext): void {
  fs.rmSync(relListFile(ctx), { force: true });
  mend(ctx);
  const deferred = path.join(workQueue(ctx), 'deferred');
  const out = execFileSync('grep', ['-rlaE', DOMAIN_RE, deferred], { maxBuffer: 1 << 30 }).toString();
  const files = out.split('\n').filter(Boolean);
  const defer = files.map((f) => path.join(workQueue(ctx), 'defer', path.relative(deferred, f)));
  selectedCount = files.length;
  fs.writeFileSync(listFile(ctx), [...files, ...defer].join('\n') + '\n');
  fs.writeFileSync(relListFile(ctx), [...files, ...defer].map((f) => path.relative(workQueue(ctx), f)).join('\n') + '\n');
  ctx.log(`queue delete: ${selectedCount.toLocaleString('en-US')} of ${shown} messages match ${DOMAIN_GLOB}`);
  if (selectedCount < FILES * 0.15 || selectedCount > FILES * 0.25) throw new Error(`expected about 20% selected, found ${selectedCount} of ${FILES}`);
}

// Ours' input for the list row: what `queue deferred --match ... --list` printed (the operator
// looked at the selection first), made once before the runs, untimed.
function listIds(ctx: BenchContext): void {
  listSelected(ctx);
  const argv = ctx.ours('--root', workRoot(ctx), 'queue', 'deferred', '--match', `domain=${DOMAIN_GLOB}`, '--list');
  const out = execFileSync(argv[0], argv.slice(1), { maxBuffer: 1 << 30 }).toString();
  fs.writeFileSync(idsFile(ctx), out);
  const n = out.split('\n').filter(Boolean).length;
  if (n !== selectedCount) throw new Error(`--list gave ${n} messages, grep ${selectedCount}`);
}

// Both sides must leave exactly the unselected messages and their defer logs.
function checkDeleted(ctx: BenchContext): void {
  for (const q of ['deferred', 'defer']) {
    const left = countFiles(path.join(workQueue(ctx), q));
    if (left !== FILES - selectedCount) throw new Error(`${q}: expected ${FILES - selectedCount} files left, found ${left}`);
  }
}

// What the two rows differ in: the id and title, how ours' input is made, and what ours runs.
interface DeleteSide {
  id: string;
  title: string;
  setup: (ctx: BenchContext) => void;
  label: string;
  argv: (ctx: BenchContext) => string[];
  notes: string;
}

// One delete row: ours against rm on the same listed files, on the mended work copy, checked after each run.
function deleteRow(ours: DeleteSide): BenchRow {
  return {
    id: ours.id,
    group: 'queue',
    title: ours.title,
    runs: 3,
    setup: ours.setup,
    ours: (ctx) => ({
      label: ours.label,
      argv: ours.argv(ctx),
      before: () => mend(ctx),
      after: () => checkDeleted(ctx),
    }),
    classic: (ctx) => ({
      label: 'xargs -a LIST rm -f (the same queue files and defer logs)',
      argv: ['xargs', '-a', listFile(ctx), 'rm', '-f'],
      before: () => mend(ctx),
      after: () => checkDeleted(ctx),
    }),
    teardown: (ctx) => {
      if (fs.existsSync(workQueue(ctx))) mend(ctx);
    },
    limits: { ratioMax: 1.2 },
    notes: `${ours.notes}; load average at start ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (machine shared)`,
  };
}

export const rows: BenchRow[] = [
  deleteRow({
    id: `queue-delete-domain-${FILES}`,
    title: `selective delete of the 20% to one domain pattern of ${shown} (Postfix stopped), with defer logs`,
    setup: (ctx) => listSelected(ctx),
    label: `spoolrescue queue deferred --match 'domain=${DOMAIN_GLOB}' --delete --yes`,
    argv: (ctx) => ctx.ours('--root', workRoot(ctx), 'queue', 'deferred', '--match', `domain=${DOMAIN_GLOB}`, '--delete', '--yes', '--json'),
    notes: `ours reads every envelope to select by recipient domain (no index of the queue exists), then unlinks each selected file and its defer log; rm is given the list of the same files, selected beforehand (untimed); each run works on a copy of the cached queue under the bench directory, mended before it`,
  }),
  deleteRow({
    id: `queue-delete-ids-${FILES}`,
    title: `selective delete of a listed 20% of ${shown} (Postfix stopped), with defer logs: the IDs from queue --list`,
    setup: (ctx) => listIds(ctx),
    label: 'spoolrescue queue deferred --ids-from LIST --delete --yes',
    argv: (ctx) => ctx.ours('--root', workRoot(ctx), 'queue', 'deferred', '--ids-from', idsFile(ctx), '--delete', '--yes', '--json'),
    notes: `ours is given what \`queue deferred --match 'domain=${DOMAIN_GLOB}' --list\` printed (JSON Lines, made before the runs, untimed) and checks each listed file with one lstat (regular file, the queue owner's, in the queue's hash directory), reads a sample of 5 for the review, then unlinks each file and its defer log; rm is given the paths of the same files; the same work copy and mend as the row above`,
  }),
];
