import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { generateServer } from '../../fixtures/generate.js';
import { createRng } from '../../fixtures/lib/prng.js';
import { writeWideTree } from '../../fixtures/lib/wide-tree.js';
import { measureOnce, median } from '../measure.js';
import type { BenchCommand, BenchContext, BenchRow } from '../types.js';

// Hotspots must keep up with du (and ncdu, gdu) on every shape a mail server's disk has: one
// directory of a million queue files, many folders of small files, deep narrow trees, a mix.
// All shapes live in one server tree, so the "likely culprits" row can time df --root on it:
// a 1M-file maildrop under a 500k-file archive. Sizes can be lowered on a loaded machine
// (SPOOLRESCUE_BENCH_FLAT, SPOOLRESCUE_BENCH_WIDE_FOLDERS); BENCHMARKS.md shows the sizes used.

const FLAT = Number(process.env.SPOOLRESCUE_BENCH_FLAT ?? 1_000_000);
const WIDE_FOLDERS = Number(process.env.SPOOLRESCUE_BENCH_WIDE_FOLDERS ?? 5000);
const n = (x: number) => x.toLocaleString('en-US');

// du's figures for an input, computed once (untimed) so every run of ours can be checked against them.
const duOf = new Map<string, { bytes: number; inodes: number }>();
function expectDu(dir: string) {
  if (!duOf.has(dir)) {
    const bytes = Number(execFileSync('du', ['-sx', '-B1', dir], { encoding: 'utf8' }).split('\t')[0]);
    const inodes = Number(execFileSync('du', ['-sx', '--inodes', dir], { encoding: 'utf8' }).split('\t')[0]);
    duOf.set(dir, { bytes, inodes });
  }
  const want = duOf.get(dir)!;
  return (stdout: string) => {
    const got = stdout.startsWith('{') ? (JSON.parse(stdout) as { totalBytes: number; totalEntries: number }) : totalsOfText(stdout);
    if (got.totalBytes !== want.bytes || got.totalEntries !== want.inodes) {
      throw new Error(`hotspots says ${got.totalBytes} bytes / ${got.totalEntries} inodes, du says ${want.bytes} / ${want.inodes}`);
    }
  };
}

// The totals of the human report ("430 MiB (451,383,296 bytes allocated) in 110,201 entries").
function totalsOfText(stdout: string): { totalBytes: number; totalEntries: number } {
  const m = /\(([\d,]+) bytes allocated\) in ([\d,]+) entries/.exec(stdout.replace(/\s+/g, ' '));
  if (!m) throw new Error(`no totals in the report:\n${stdout.slice(0, 400)}`);
  return { totalBytes: Number(m[1].replaceAll(',', '')), totalEntries: Number(m[2].replaceAll(',', '')) };
}

// Deep narrow trees: `chains` chains of `depth` nested directories, a few messages at each level.
function writeDeep(dir: string, chains: number, depth: number, filesPerLevel: number): void {
  const body = Buffer.alloc(1500, 0x61);
  for (let c = 0; c < chains; c++) {
    let d = path.join(dir, `chain${c}`);
    for (let l = 0; l < depth; l++) {
      d = path.join(d, `level${l}`);
      fs.mkdirSync(d, { recursive: true });
      for (let f = 0; f < filesPerLevel; f++) fs.writeFileSync(path.join(d, `m${f}`), body.subarray(0, 200 + ((c * 7 + l * 13 + f) % 1300)));
    }
  }
}

// The mix the field reported: a 60k-file flat directory, 200k files in a tree, one 50 MB file.
function writeMixed(dir: string): void {
  fs.mkdirSync(path.join(dir, 'flat'), { recursive: true });
  for (let i = 0; i < 60_000; i++) fs.writeFileSync(path.join(dir, 'flat', `Q${(0x10000000 + i * 7919).toString(16).toUpperCase()}`), 'x'.repeat(i % 900));
  writeWideTree({ dir: path.join(dir, 'tree'), rng: createRng(11), folders: 2000, filesPerFolder: 100 });
  fs.writeFileSync(path.join(dir, 'big.log'), Buffer.alloc(50 << 20, 0x6c));
}

// The hotspots rows' tree (a server root: the 1,000,000-file maildrop, the archive, deep and mixed
// trees), generated once; the walk's scan row (tui.ts) scans it whole.
export const server = (ctx: BenchContext) =>
  ctx.input(`hotspots-server-${FLAT}-${WIDE_FOLDERS}`, (dir) => {
    generateServer(dir, { maildrop: FLAT, bounce: 0, deferred: 0, mboxMessages: 10, maillogLines: 10, onProgress: (w, k) => k % 200_000 === 0 && ctx.log(`${w} ${k}`) });
    writeWideTree({ dir: path.join(dir, 'home/archive'), rng: createRng(7), folders: WIDE_FOLDERS, filesPerFolder: 100, onProgress: (k) => k % 100_000 === 0 && ctx.log(`archive ${k} files`) });
    writeDeep(path.join(dir, 'srv/deep'), 200, 50, 10);
    writeMixed(path.join(dir, 'srv/mixed'));
  });

interface Shape {
  id: string;
  title: string;
  dir: (root: string) => string;
  runs?: number;
}

const SHAPES: Shape[] = [
  { id: 'flat', title: `a maildrop of ${n(FLAT)} files in one directory`, dir: (r) => path.join(r, 'var/spool/postfix/maildrop'), runs: 3 },
  { id: 'wide', title: `${n(WIDE_FOLDERS * 100)} files in ${n(WIDE_FOLDERS)} directories`, dir: (r) => path.join(r, 'home/archive') },
  { id: 'deep', title: '100,000 files in 200 chains of 50 nested directories', dir: (r) => path.join(r, 'srv/deep'), runs: 11 },
  { id: 'mixed', title: 'mixed: a 60,000-file directory, 200,000 files in a tree, one 50 MB file', dir: (r) => path.join(r, 'srv/mixed') },
];

// The classic tools, each as the user would run it on one filesystem without a screen.
const CLASSICS: { id: string; label: string; argv: (dir: string) => string[]; limits: BenchRow['limits'] }[] = [
  { id: 'du', label: 'du -sx DIR', argv: (d) => ['du', '-sx', d], limits: { ratioMax: 1.3, ratioGoal: 1.0, rssMaxMB: 150 } },
  { id: 'ncdu', label: 'ncdu -x -o /dev/null DIR', argv: (d) => ['ncdu', '-x', '-0', '-o', '/dev/null', d], limits: { rssMaxMB: 150 } },
  { id: 'gdu', label: 'gdu -n -x -p DIR', argv: (d) => ['gdu', '-n', '-x', '-p', d], limits: { rssMaxMB: 150 } },
];

let root = '';
const hasTool = (tool: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const scanRows: BenchRow[] = SHAPES.flatMap((s) =>
  CLASSICS.filter((c) => c.id === 'du' || hasTool(c.id)).map(
    (c): BenchRow => ({
      id: `hotspots-${s.id}-vs-${c.id}`,
      group: 'hotspots',
      title: `scan ${s.title} (warm cache), against ${c.id}`,
      runs: s.runs,
      setup: async (ctx) => {
        root = await server(ctx);
        expectDu(s.dir(root));
      },
      ours: (ctx) => ({ label: 'spoolrescue hotspots DIR --json', argv: ctx.ours('hotspots', s.dir(root), '--json'), after: expectDu(s.dir(root)) }),
      classic: () => ({ label: c.label, argv: c.argv(s.dir(root)) }),
      limits: c.limits,
      notes: c.id === 'du' ? 'totals checked against du -sx -B1 and du -sx --inodes on every run' : undefined,
    }),
  ),
);

// `df --json --root ROOT`: the likely culprits, answered from one lstat per known place.
function suspectsCommand(ctx: BenchContext): BenchCommand {
  return {
    label: 'spoolrescue --root ROOT df --json (suspectsMs)',
    argv: ctx.ours('--root', root, 'df', '--json'),
    after: (stdout) => {
      const j = JSON.parse(stdout) as { suspects: { path: string; estimatedEntries: number | null }[] };
      const m = j.suspects.find((x) => x.path === '/var/spool/postfix/maildrop');
      if (!m || m.estimatedEntries === null || Math.abs(m.estimatedEntries - FLAT) > FLAT * 0.25) throw new Error(`the maildrop is not the suspect it should be: ${JSON.stringify(j.suspects.slice(0, 3))}`);
    },
  };
}

const suspectsRow: BenchRow = {
  id: 'suspects-1m-maildrop-under-500k',
  group: 'hotspots',
  title: `likely culprits: a ${n(FLAT)}-file maildrop under a tree of ${n(WIDE_FOLDERS * 100 + 360_000)} more files`,
  runs: 5,
  setup: async (ctx) => {
    root = await server(ctx);
  },
  ours: (ctx) => suspectsCommand(ctx),
  classic: () => ({ label: 'du -x -s ROOT (the whole tree)', argv: [] }),
  measure: async (ctx) => {
    const m = await measureOnce(suspectsCommand(ctx));
    const ms = (JSON.parse(m.stdout) as { suspectsMs: number }).suspectsMs;
    const du = await measureOnce({ label: 'du -x ROOT', argv: ['du', '-x', '-s', root] });
    return { ours: { ...m, wallS: ms / 1000 }, classic: du, figures: `whole df command ${m.wallS.toFixed(2)} s` };
  },
  limits: { oursMaxS: 0.3 },
  notes: 'ours is suspectsMs (lstat of every known place, estimates from directory sizes, no listing); the classic column is du -x over the whole tree, the classic way to find the culprit',
};

// What the operator reads: the same deep scan with the human report (its paths are shortened to
// 80 columns, the text path the --json rows never take), against du.
const deep = SHAPES.find((s) => s.id === 'deep')!;
const textRow: BenchRow = {
  id: 'hotspots-deep-text-vs-du',
  group: 'hotspots',
  title: `scan ${deep.title} (warm cache), the human report, against du`,
  runs: deep.runs,
  setup: async (ctx) => {
    root = await server(ctx);
    expectDu(deep.dir(root));
  },
  ours: (ctx) => ({ label: 'spoolrescue hotspots DIR', argv: ctx.ours('hotspots', deep.dir(root)), after: expectDu(deep.dir(root)) }),
  classic: () => ({ label: 'du -sx DIR', argv: ['du', '-sx', deep.dir(root)] }),
  limits: CLASSICS.find((c) => c.id === 'du')!.limits,
  notes: 'totals read from the report and checked against du -sx -B1 and du -sx --inodes on every run',
};

export const rows: BenchRow[] = [...scanRows, textRow, suspectsRow];
