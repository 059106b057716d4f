import { spawnSync } from 'node:child_process';

// What GNU du says about a tree: the reference every hotspots total must equal.
export interface DuTotals {
  bytes: number;
  inodes: number;
  /** du's complaints (unreadable directories), when any. */
  stderr: string;
}

function duNumber(args: string[], dir: string, uid?: number): { n: number; stderr: string } {
  const r = spawnSync('du', [...args, dir], { encoding: 'utf8', uid, gid: uid });
  const n = Number(r.stdout.trim().split(/\s+/)[0]);
  if (!Number.isFinite(n)) throw new Error(`du ${args.join(' ')} ${dir} printed nothing usable: ${r.stdout}${r.stderr}`);
  return { n, stderr: r.stderr };
}

// `du -sx -B1 DIR` and `du -sx --inodes DIR`, optionally as another user (uid = gid).
export function duTotals(dir: string, uid?: number): DuTotals {
  const b = duNumber(['-sx', '-B1'], dir, uid);
  const i = duNumber(['-sx', '--inodes'], dir, uid);
  return { bytes: b.n, inodes: i.n, stderr: b.stderr };
}
