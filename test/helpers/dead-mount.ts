import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';

// True when a FUSE mount can be made here (root, /dev/fuse, unshare): needed for dead-mount tests.
export function canMakeDeadMount(): boolean {
  return process.getuid?.() === 0 && fs.existsSync('/dev/fuse') && spawnSync('unshare', ['-m', 'true']).status === 0;
}

// Runs a program while dir holds a FUSE mount whose daemon never answers: every statfs, stat or
// lookup there blocks like on a dead NFS server. The mount lives in a private mount namespace
// (unshare -m), so no other process on the host can trip over it, and it vanishes with the run.
export function runWithDeadMount(dir: string, argv: string[], timeoutMs = 60_000): SpawnSyncReturns<string> {
  const quoted = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = `exec 3<>/dev/fuse && mount -t fuse -o fd=3,rootmode=40000,user_id=0,group_id=0 srdead '${dir}' && exec ${quoted}`;
  return spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], {
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, NO_COLOR: '1' },
  });
}
