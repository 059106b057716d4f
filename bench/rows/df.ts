import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BenchRow } from '../types.js';

const MOUNTS = 50;
const base = '/var/tmp/sr-disks/bench-mounts';
const points = Array.from({ length: MOUNTS }, (_, i) => path.join(base, `m${String(i).padStart(2, '0')}`));

function unmountAll(): void {
  for (const p of points) {
    try {
      execFileSync('umount', [p], { stdio: 'ignore' });
    } catch {
      // not mounted
    }
  }
  fs.rmSync(base, { recursive: true, force: true });
}

// df must answer at once on a host with many mounts (containers, bind mounts, per-user tmpfs).
export const rows: BenchRow[] = [
  {
    id: 'df-50-mounts',
    group: 'df',
    title: `df on a host with ${MOUNTS} extra mounts`,
    setup: () => {
      if (process.getuid?.() !== 0) throw new Error('needs root to mount tmpfs');
      unmountAll();
      for (const p of points) {
        fs.mkdirSync(p, { recursive: true });
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,nr_inodes=64', 'tmpfs', p]);
      }
    },
    teardown: unmountAll,
    ours: (ctx) => ({
      label: 'spoolrescue df --json',
      argv: ctx.ours('df', '--json'),
      after: (stdout) => {
        const shown = new Set((JSON.parse(stdout) as { filesystems: { mount: string }[] }).filesystems.map((f) => f.mount));
        const missing = points.filter((p) => !shown.has(p));
        if (missing.length) throw new Error(`df --json left out ${missing.length} of the ${MOUNTS} mounts`);
      },
    }),
    classic: () => ({ label: 'df', argv: ['df'] }),
    limits: { oursMaxS: 0.2 },
    notes: 'each run lists every filesystem with statfs, and scans /proc/*/fd for deleted-open files',
  },
];
