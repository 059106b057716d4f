import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// A filesystem a test mounted; unmount() is idempotent and lazy-unmounts if busy.
export interface TestMount {
  dir: string;
  unmount(): void;
}

// An idempotent unmount of dir (lazy when busy), then extra cleanup: every test mount's unmount().
export function unmounter(dir: string, extra?: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    try {
      execFileSync('umount', [dir], { stdio: 'ignore' });
    } catch {
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
    }
    extra?.();
  };
}

// Mounts a size- and inode-limited tmpfs at dir (root only): a really full filesystem in a test.
export function mountTmpfs(dir: string, opts: { size: string; nrInodes?: number; readOnly?: boolean }): TestMount {
  fs.mkdirSync(dir, { recursive: true });
  const o = [`size=${opts.size}`, 'mode=755'];
  if (opts.nrInodes) o.push(`nr_inodes=${opts.nrInodes}`);
  if (opts.readOnly) o.push('ro');
  execFileSync('mount', ['-t', 'tmpfs', '-o', o.join(','), 'tmpfs', dir]);
  return { dir, unmount: unmounter(dir) };
}

// Makes an ext4 image with few inodes (mkfs.ext4 -N) and loop-mounts it at dir (root only).
export function mountExt4Image(dir: string, opts: { sizeMB: number; inodes?: number; image?: string }): TestMount & { image: string } {
  fs.mkdirSync(dir, { recursive: true });
  const image = opts.image ?? `${dir.replace(/\/$/, '')}.ext4`;
  execFileSync('truncate', ['-s', `${opts.sizeMB}M`, image]);
  const args = ['-q', '-F', '-m', '5'];
  if (opts.inodes) args.push('-N', String(opts.inodes));
  execFileSync('mkfs.ext4', [...args, image]);
  execFileSync('mount', ['-o', 'loop', image, dir]);
  return { dir, image, unmount: unmounter(dir, () => fs.rmSync(image, { force: true })) };
}

// Remounts a mounted test filesystem read-only or read-write.
export function remount(dir: string, readOnly: boolean): void {
  execFileSync('mount', ['-o', `remount,${readOnly ? 'ro' : 'rw'}`, dir]);
}

// Fills a filesystem until writes fail with ENOSPC; returns the filler file's path.
export function fillFilesystem(dir: string): string {
  const file = path.join(dir, '.filler');
  const fd = fs.openSync(file, 'w');
  const chunk = Buffer.alloc(1 << 20);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
    try {
      for (;;) fs.writeSync(fd, chunk.subarray(0, 4096));
    } catch {
      // full to the last block
    }
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

// Creates empty files until the filesystem has no inode left (a flooded queue's state).
export function exhaustInodes(dir: string): void {
  for (let i = 0; ; i++) {
    try {
      fs.writeFileSync(path.join(dir, `.inode-${i}`), '');
    } catch {
      return;
    }
  }
}
