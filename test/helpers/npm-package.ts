import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

const top = path.resolve(__dirname, '../..');

// The npm package as `npm pack` makes it from this checkout (its scripts not run), into DIR, and
// unpacked there: the tarball's path and the unpacked package's directory (DIR/package).
export function packedPackage(dir: string): { tarball: string; pkg: string } {
  const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: top, encoding: 'utf8', timeout: 60_000 });
  expect(packed.status, packed.stderr).toBe(0);
  const name = fs.readdirSync(dir).find((f) => f.endsWith('.tgz'));
  expect(name).toBeDefined();
  const tarball = path.join(dir, name as string);
  expect(spawnSync('tar', ['-xzf', tarball, '-C', dir]).status).toBe(0);
  return { tarball, pkg: path.join(dir, 'package') };
}
