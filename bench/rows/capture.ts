import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRng } from '../../fixtures/lib/prng.js';
import { writeMbox } from '../../fixtures/lib/mbox.js';
import { measureOnce } from '../measure.js';
import type { BenchCommand, BenchContext, BenchRow } from '../types.js';

const MB = 1024 * 1024;
const SIZES = { '40m': 40 * MB, '4g': 4 * 1024 * MB } as const;
type Size = keyof typeof SIZES;

// Builds (once per run) a root mbox of the given size with the fixture generator.
async function spoolOf(ctx: BenchContext, size: Size): Promise<string> {
  const dir = await ctx.input(`mbox-${size}`, (d) => {
    writeMbox({ path: path.join(d, 'root'), rng: createRng(11), bytes: SIZES[size], startMs: Date.UTC(2024, 0, 1), endMs: Date.UTC(2026, 10, 20), mode: 0o600 });
  });
  return path.join(dir, 'root');
}

const incidentFile = (ctx: BenchContext) => path.join(ctx.workDir, 'capture-incident.md');

function captureCmd(ctx: BenchContext, spool: string, label: string): BenchCommand {
  return {
    label,
    argv: ctx.ours('capture', spool, '--incident', incidentFile(ctx), '--messages', '5', '--json'),
    before: () => fs.rmSync(incidentFile(ctx), { force: true }),
    after: (stdout) => {
      const j = JSON.parse(stdout);
      if (j.mbox.first.length !== 5 || j.mbox.last.length !== 5 || !j.incident.ok) throw new Error('capture did not keep 5 + 5 messages');
    },
  };
}

// Bytes `head -c` and `tail -c` must read to show the same 5 first and 5 last messages.
const spans = new Map<string, { head: number; tail: number }>();
function measureSpans(ctx: BenchContext, spool: string): { head: number; tail: number } {
  if (!spans.has(spool)) {
    const out = execFileSync(process.execPath, [ctx.bundle, 'capture', spool, '--incident', incidentFile(ctx), '--json'], { encoding: 'utf8', maxBuffer: 64 * MB });
    const j = JSON.parse(out);
    const size = fs.statSync(spool).size;
    const last = j.mbox.last[0];
    spans.set(spool, { head: j.mbox.first.at(-1).offset + j.mbox.first.at(-1).length, tail: size - last.offset });
  }
  return spans.get(spool)!;
}

function mboxRow(size: Size): BenchRow {
  let spool = '';
  return {
    id: `capture-mbox-${size}`,
    group: 'capture',
    title: `5 first + 5 last messages of a ${size === '4g' ? '4 GB' : '40 MB'} mbox into the incident file`,
    setup: async (ctx) => {
      spool = await spoolOf(ctx, size);
      measureSpans(ctx, spool);
    },
    ours: (ctx) => captureCmd(ctx, spool, `spoolrescue capture MBOX --incident FILE (${size})`),
    classic: (ctx) => {
      const s = measureSpans(ctx, spool);
      return { label: `head -c ${s.head} MBOX; tail -c ${s.tail} MBOX`, argv: ['sh', '-c', `head -c ${s.head} "$1" >/dev/null && tail -c ${s.tail} "$1" >/dev/null`, 'sh', spool] };
    },
    limits: { oursMaxS: 1, rssMaxMB: 100 },
    notes: 'ours also finds the separators, hashes the bytes, writes and fsyncs the Markdown section; most of its time is starting node.',
  };
}

// The scaling target: the 4 GB capture within 2 x the 40 MB one (time follows what is
// captured, not the spool's size). The "classic" column here is our own 40 MB run.
const scaling: BenchRow = {
  id: 'capture-mbox-4g-vs-40m',
  group: 'capture',
  title: '4 GB capture time / 40 MB capture time (same run)',
  runs: 7,
  ours: (ctx) => ({ label: 'spoolrescue capture (4 GB mbox)', argv: ctx.ours('--version') }),
  classic: () => ({ label: 'spoolrescue capture (40 MB mbox)', argv: ['true'] }),
  measure: async (ctx) => {
    const big = await measureOnce(captureCmd(ctx, await spoolOf(ctx, '4g'), '4g'));
    const small = await measureOnce(captureCmd(ctx, await spoolOf(ctx, '40m'), '40m'));
    return { ours: big, classic: small, figures: `4 GB ${big.wallS.toFixed(3)} s, 40 MB ${small.wallS.toFixed(3)} s` };
  },
  limits: { ratioMax: 2 },
  notes: 'ratio = 4 GB median / 40 MB median; target <= 2.',
};

export const rows: BenchRow[] = [mboxRow('40m'), mboxRow('4g'), scaling];
