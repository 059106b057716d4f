import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { generateServer } from '../../fixtures/generate.js';
import { createRng } from '../../fixtures/lib/prng.js';
import { writeWideTree } from '../../fixtures/lib/wide-tree.js';
import type { BenchContext, BenchRow } from '../types.js';

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
    const got = JSON.parse(stdout) as { totalBytes: number; totalEntries: number };
    if (got.totalBytes !== want.bytes || got.totalEntries !== want.inodes) {
      throw new Error(`hotspots says ${got.totalBytes} bytes / ${got.totalEntries} inodes, du says ${want.bytes} / ${want.inodes}`);
    }
  };
}

const wide = (ctx: BenchContext) =>
  ctx.input('hotspots-wide-500k', (dir) => {
    writeWideTree({ dir, rng: createRng(7), folders: 5000, filesPerFolder: 100, onProgress: (n) => n % 100_000 === 0 && ctx.log(`${n} files`) });
  });

const maildrop = (ctx: BenchContext) =>
  ctx.input('hotspots-maildrop-1m', (dir) => {
    generateServer(dir, { maildrop: 1_000_000, bounce: 0, deferred: 0, mboxMessages: 10, maillogLines: 10, onProgress: (w, n) => n % 200_000 === 0 && ctx.log(`${w} ${n}`) });
  });

let wideDir = '';
let maildropDir = '';

// Hotspots must keep up with du on the shapes a mail server has: many folders of small files, and
// one directory of a million queue files.
export const rows: BenchRow[] = [
  {
    id: 'hotspots-500k-files-5k-dirs',
    group: 'hotspots',
    title: 'scan 500,000 files in 5,000 directories (warm cache)',
    setup: async (ctx) => {
      wideDir = await wide(ctx);
      expectDu(wideDir);
    },
    ours: (ctx) => ({ label: 'spoolrescue hotspots DIR --json', argv: ctx.ours('hotspots', wideDir, '--json'), after: expectDu(wideDir) }),
    classic: () => ({ label: 'du -sx DIR', argv: ['du', '-sx', wideDir] }),
    limits: { ratioMax: 1.3, ratioGoal: 1.0, rssMaxMB: 200 },
    notes: 'totals checked against du -sx -B1 and du -sx --inodes on every run',
  },
  {
    id: 'hotspots-1m-files-one-dir',
    group: 'hotspots',
    title: 'scan a maildrop of 1,000,000 files in one directory',
    runs: 3,
    setup: async (ctx) => {
      maildropDir = path.join(await maildrop(ctx), 'var/spool/postfix/maildrop');
      expectDu(maildropDir);
    },
    ours: (ctx) => ({ label: 'spoolrescue hotspots MAILDROP --json', argv: ctx.ours('hotspots', maildropDir, '--json'), after: expectDu(maildropDir) }),
    classic: () => ({ label: 'du -sx MAILDROP', argv: ['du', '-sx', maildropDir] }),
    limits: { rssMaxMB: 150 },
  },
];
