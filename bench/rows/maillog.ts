import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createRng } from '../../fixtures/lib/prng.js';
import { writeStormLog } from '../../fixtures/lib/maillog-storm.js';
import type { BenchCommand, BenchContext, BenchRow } from '../types.js';

// The maillog targets: the full pass against pflogsumm and against a mawk script computing the
// same per-day x process and per-queue-ID counts (plain and gzip), the first look, and memory with
// a million queue IDs in flight. SPOOLRESCUE_BENCH_MAILLOG_MB sets the log size (default 200, modest
// while the machine is shared; the size is 2048).

const MB = Number(process.env.SPOOLRESCUE_BENCH_MAILLOG_MB ?? 200);
/** pflogsumm takes minutes from half a gigabyte up (94 s on 200 MB, loaded): one timed run there, no warm-up. */
const PFLOGSUMM_RUNS = MB >= 512 ? 1 : 3;
/** The plain log, its gzip copy (about a fifth) and the 1,000,000-ID log, with room to spare. */
const INPUT_BYTES = MB * 2 ** 20 * 1.3 + (256 << 20);
const AWK = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../scripts/maillog-counts.awk');
const STORM = [14, 261, 461, 287, 345, 102, 0];
const files = { plain: '', gz: '', ids: '' };

// Builds (once per run) the storm log, its gzip copy, and the log with 1,000,000 IDs in flight.
async function setup(ctx: BenchContext): Promise<void> {
  const dir = await ctx.input(`maillog-${MB}m`, async (d) => {
    const free = fs.statfsSync(d);
    if (free.bavail * free.bsize < INPUT_BYTES) throw new Error(`${d}: ${Math.round(INPUT_BYTES / 2 ** 20)} MB needed for the ${MB} MB logs, ${Math.round((free.bavail * free.bsize) / 2 ** 20)} MB free (SPOOLRESCUE_BENCH_DIR chooses another disk)`);
    const plain = path.join(d, 'maillog');
    const t0 = Date.now();
    ctx.log(`writing the ${MB} MB storm log and its gzip copy`);
    writeStormLog({ path: plain, rng: createRng(42), startDay: new Date(Date.UTC(2026, 11, 20)), days: 14, bytes: MB * 2 ** 20, storm: { perDay: STORM, startDayIndex: 6 }, diskFull: true });
    fs.utimesSync(plain, new Date('2027-01-03T00:00:00Z'), new Date('2027-01-03T00:00:00Z'));
    ctx.log(`plain log written in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await pipeline(fs.createReadStream(plain), zlib.createGzip({ level: 6 }), fs.createWriteStream(path.join(d, 'maillog.gz')));
    writeStormLog({ path: path.join(d, 'ids'), rng: createRng(43), startDay: new Date(Date.UTC(2026, 11, 20)), days: 1, bytes: 1 << 20, inFlight: 1_000_000 });
  });
  files.plain = path.join(dir, 'maillog');
  files.gz = path.join(dir, 'maillog.gz');
  files.ids = path.join(dir, 'ids');
}

const stormFound = (stdout: string) => {
  const j = JSON.parse(stdout);
  if (j.report.topRetried[0]?.attempts !== STORM.reduce((a, b) => a + b)) throw new Error(`storm not found: ${JSON.stringify(j.report.topRetried[0])}`);
};

function ours(ctx: BenchContext, file: string, label: string): BenchCommand {
  return { label, argv: ctx.ours('maillog', file, '--json'), after: stormFound };
}

// A check on the JSON a run printed (fails the row when it does not hold).
const expect = (ok: (j: any) => boolean, what: string) => (stdout: string) => {
  if (!ok(JSON.parse(stdout))) throw new Error(what);
};

const awkCmd = (file: string): BenchCommand => ({ label: 'mawk -f maillog-counts.awk FILE', argv: ['mawk', '-f', AWK, file] });
const size = () => `${MB} MB log`;

// The targets, each against the classic tool in the same run.
export const rows: BenchRow[] = [
  {
    id: 'maillog-full-vs-pflogsumm',
    group: 'maillog',
    title: `full pass over a ${MB} MB plain maillog vs pflogsumm`,
    setup,
    runs: PFLOGSUMM_RUNS,
    ours: (ctx) => ours(ctx, files.plain, 'spoolrescue maillog FILE --json'),
    classic: () => ({ label: 'pflogsumm FILE', argv: ['pflogsumm', files.plain] }),
    limits: { ratioMax: 0.2, rssMaxMB: 250 },
    notes: `${size()}; target >= 5x faster than pflogsumm (ratio <= 0.2); pflogsumm cannot say which queue IDs were retried.`,
  },
  {
    id: 'maillog-full-vs-mawk',
    group: 'maillog',
    title: `full pass over a ${MB} MB plain maillog vs a mawk script (per day x process, per queue ID)`,
    setup,
    ours: (ctx) => ours(ctx, files.plain, 'spoolrescue maillog FILE --json'),
    classic: () => awkCmd(files.plain),
    limits: { ratioMax: 1.5, ratioGoal: 1.0, rssMaxMB: 250 },
    notes: `${size()}; ours computes much more (statuses, reasons, senders, signals, per-day attempts).`,
  },
  {
    id: 'maillog-gzip-vs-zcat-mawk',
    group: 'maillog',
    title: 'full pass over the same log gzip-compressed vs zcat piped to mawk',
    setup,
    ours: (ctx) => ours(ctx, files.gz, 'spoolrescue maillog FILE.gz --json'),
    classic: () => ({ label: 'zcat FILE.gz, piped to mawk -f maillog-counts.awk', argv: ['sh', '-c', 'zcat "$1" | mawk -f "$2"', 'sh', files.gz, AWK] }),
    limits: { ratioMax: 1.5, rssMaxMB: 250 },
    notes: size(),
  },
  {
    id: 'maillog-first-look',
    group: 'maillog',
    title: `first look (sizes, first/last time, bytes per day by seeking) at the ${MB} MB log`,
    setup,
    ours: (ctx) => ({ label: 'spoolrescue maillog FILE --first-look --json', argv: ctx.ours('maillog', files.plain, '--first-look', '--json'), after: expect((j) => j.files[0].days.length === 14, 'expected 14 days') }),
    classic: () => ({ label: 'head -n 1 FILE; tail -n 1 FILE', argv: ['sh', '-c', 'head -n 1 "$1" && tail -n 1 "$1"', 'sh', files.plain] }),
    limits: { oursMaxS: 0.5 },
    notes: 'whole command including node start-up; the classic column only reads both ends (no per-day sizes).',
  },
  {
    id: 'maillog-1m-ids-rss',
    group: 'maillog',
    title: 'peak memory with 1,000,000 distinct queue IDs in flight',
    setup,
    runs: 3,
    ours: (ctx) => ({ label: 'spoolrescue maillog FILE --json', argv: ctx.ours('maillog', files.ids, '--json'), after: expect((j) => j.report.messages.distinct >= 1_000_000, 'expected 1,000,000 queue IDs') }),
    classic: () => awkCmd(files.ids),
    limits: { rssMaxMB: 250 },
    notes: 'the log holds one qmgr line per message and no "removed": every ID stays in the table.',
  },
];
