import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { unmounter, type TestMount } from './mounts.js';

// Bind-mounts src (a directory or a file) at dst (root only): the same filesystem seen twice, same
// st_dev, so only the mount table tells that dst is a mount point.
export function bindMount(src: string, dst: string): TestMount {
  const isDir = fs.statSync(src).isDirectory();
  if (!fs.existsSync(dst)) {
    if (isDir) fs.mkdirSync(dst, { recursive: true });
    else fs.writeFileSync(dst, '');
  }
  execFileSync('mount', ['--bind', src, dst]);
  return { dir: dst, unmount: unmounter(dst) };
}
