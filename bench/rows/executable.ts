import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { measureOnce } from '../measure.js';
import type { BenchContext, BenchRow, Measure } from '../types.js';
import { READY, server, timeToMarker } from './tui.js';

// The single executable (Node inside) against the bundle run by the system's node: its size, and
// what it costs at start-up (--version, the walk's first frame through a pty).

const executable = (ctx: BenchContext) => path.join(path.dirname(ctx.bundle), `spoolrescue-${process.platform}-${process.arch}`);
const MB = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

// Builds the executable and its compressed copy when they are missing or stale (cached otherwise).
function buildExecutable(ctx: BenchContext): void {
  execFileSync(process.execPath, [path.resolve(path.dirname(ctx.bundle), '..', 'scripts', 'build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
}

// "executable 100.3 MB, .xz 24.0 MB, bundle 1.3 MB" for the row's title.
function sizes(ctx: BenchContext): string {
  const exe = executable(ctx);
  const packed = ['.xz', '.gz'].map((x) => exe + x).find((f) => fs.existsSync(f));
  const parts = [`executable ${MB(fs.statSync(exe).size)}`];
  if (packed) parts.push(`${path.extname(packed)} ${MB(fs.statSync(packed).size)}`);
  parts.push(`bundle ${MB(fs.statSync(ctx.bundle).size)}`);
  return parts.join(', ');
}

export const rows: BenchRow[] = [
  {
    id: 'exe-version',
    group: 'executable',
    title: 'start-up to --version: the executable vs node + the bundle',
    runs: 9,
    setup: buildExecutable,
    ours: () => ({ label: 'spoolrescue-linux-x64 --version', argv: [] }),
    classic: () => ({ label: 'node dist/spoolrescue.cjs --version', argv: [] }),
    measure: async (ctx) => {
      const exe = { label: 'exe', argv: ['/usr/bin/env', '-i', executable(ctx), '--version'] };
      const node = { label: 'node', argv: ctx.ours('--version') };
      const check = (m: Measure & { stdout: string }) => {
        if (m.exitCode !== 0 || !m.stdout.startsWith('spoolrescue ')) throw new Error(`--version failed: exit ${m.exitCode}`);
        return m;
      };
      const ours = check(await measureOnce(exe));
      const classic = check(await measureOnce(node));
      return { ours, classic, figures: sizes(ctx) };
    },
    // the same Node starts in both: what the executable adds must stay small
    limits: { ratioMax: 1.5 },
    notes: 'the executable is run with an empty environment (env -i); its figures include reading each chunk it runs from the assets of the executable',
  },
  {
    id: 'exe-first-frame',
    group: 'executable',
    title: 'first frame of the walk through a pty: the executable vs node + the bundle',
    runs: 7,
    setup: buildExecutable,
    ours: () => ({ label: 'spoolrescue-linux-x64 --root DIR (until the Disks table)', argv: [] }),
    classic: () => ({ label: 'node dist/spoolrescue.cjs --root DIR (until the Disks table)', argv: [] }),
    measure: async (ctx) => {
      const root = await server(ctx);
      const ours = await timeToMarker(['/usr/bin/env', '-i', 'TERM=xterm-256color', executable(ctx), '--root', root], READY, 'q');
      const classic = await timeToMarker(ctx.ours('--root', root), READY, 'q');
      return { ours, classic };
    },
    limits: { ratioMax: 1.5 },
  },
];
