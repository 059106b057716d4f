import fs from 'node:fs';
import path from 'node:path';

// Hostile and ordinary entries for purge tests: names with newlines and invalid UTF-8, a symlink
// pointing outside, a fifo, nested subdirectories (like deferred/A/...). Returns what was made.
export function makeHostileTree(dir: string, files = 50): { entries: number; outsideTarget: string; rawName: Buffer } {
  fs.mkdirSync(dir, { recursive: true });
  let entries = 0;
  for (let i = 0; i < files; i++) {
    fs.writeFileSync(path.join(dir, `Q${String(i).padStart(5, '0')}`), 'x'.repeat(100));
    entries++;
  }
  fs.writeFileSync(path.join(dir, 'line\nbreak'), 'n');
  fs.writeFileSync(path.join(dir, '-rf'), 'dash');
  fs.writeFileSync(path.join(dir, ' *'), 'glob');
  const rawName = Buffer.from([0x62, 0xff, 0x0a, 0x41]);
  fs.writeFileSync(Buffer.concat([Buffer.from(dir + '/'), rawName]), 'raw');
  entries += 4;
  const outsideTarget = path.join(path.dirname(dir), `outside-${path.basename(dir)}`);
  fs.mkdirSync(outsideTarget, { recursive: true });
  fs.writeFileSync(path.join(outsideTarget, 'precious'), 'keep me');
  fs.symlinkSync(outsideTarget, path.join(dir, 'link-out'));
  fs.symlinkSync(path.join(outsideTarget, 'precious'), path.join(dir, 'link-file'));
  entries += 2;
  for (const sub of ['A', 'B']) {
    fs.mkdirSync(path.join(dir, sub, 'deeper'), { recursive: true });
    fs.writeFileSync(path.join(dir, sub, 'F1'), 'f');
    fs.writeFileSync(path.join(dir, sub, 'deeper', 'F2'), 'f');
    fs.symlinkSync(outsideTarget, path.join(dir, sub, 'deeper', 'up'));
    entries += 5;
  }
  return { entries, outsideTarget, rawName };
}

// Fills a directory with n small files quickly (names like queue IDs).
export function makeFlatTree(dir: string, n: number, size = 300): void {
  fs.mkdirSync(dir, { recursive: true });
  const data = Buffer.alloc(size, 'q');
  for (let i = 0; i < n; i++) fs.writeFileSync(path.join(dir, (0x100000 + i).toString(16).toUpperCase()), data);
}
