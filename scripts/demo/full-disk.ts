// The demo's full filesystem: a small tmpfs (size= and nr_inodes=) mounted under the demo
// directory, that the fixture server is built on and then flooded until no inode is left, as a
// runaway job flooding maildrop does. Root only; always unmounted by the one who mounted it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// A mounted demo filesystem; unmount() is idempotent and detaches lazily when still busy.
export interface DemoDisk {
  dir: string;
  unmount(): void;
}

// True when this process may mount filesystems (root).
export function canMount(): boolean {
  return process.getuid?.() === 0;
}

// Mounts a tmpfs of `size` with `inodes` inodes at dir (made if missing).
export function mountDemoDisk(dir: string, o: { size: string; inodes: number }): DemoDisk {
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${o.size},nr_inodes=${o.inodes},mode=755`, 'spoolrescue-demo', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let mounted = true;
  return {
    dir,
    unmount() {
      if (!mounted) return;
      mounted = false;
      try {
        execFileSync('umount', [dir], { stdio: 'ignore' });
      } catch {
        execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      }
    },
  };
}

// Leaves only `spare` inodes free on a mounted tmpfs (tmpfs takes a new nr_inodes on remount,
// never below what is in use); returns the new inode count.
export function leaveInodes(dir: string, spare: number): number {
  const s = fs.statfsSync(dir);
  const inodes = s.files - s.ffree + spare;
  execFileSync('mount', ['-o', `remount,nr_inodes=${inodes}`, dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  return inodes;
}

// Creates empty files named like postdrop's temporary files (`<usec>.<pid>`) in dir until the
// filesystem has no inode left; returns how many were made.
export function floodInodes(dir: string, pid = 4242): number {
  let made = 0;
  for (let usec = 100_000; ; usec++) {
    try {
      fs.writeFileSync(path.join(dir, `${usec}.${pid}`), '', { flag: 'wx', mode: 0o644 });
      made++;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code === 'ENOSPC') return made;
      throw e;
    }
  }
}
