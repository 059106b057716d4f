import fs from 'node:fs';
import path from 'node:path';
import type { HotspotIndex } from '../../src/core/hotspots/index.js';

// Deep narrow trees for the split scans (main thread, worker threads, scan process): `chains`
// chains of `levels` nested directories with `files` small files each (sizes vary by place), a
// side branch (side/deeper) where `sideAt(level)`, and one file linked at the bottom of every
// chain (counted once, whichever scanner reads each name). Returns the bottoms.
export function writeChains(root: string, o: { chains: number; levels: number; files: number; sideAt: (level: number) => boolean }): string[] {
  const bottoms: string[] = [];
  for (let c = 0; c < o.chains; c++) {
    let d = path.join(root, `chain${c}`);
    for (let l = 0; l < o.levels; l++) {
      d = path.join(d, `level${l}`);
      fs.mkdirSync(d, { recursive: true });
      for (let f = 0; f < o.files; f++) fs.writeFileSync(path.join(d, `m${f}`), Buffer.alloc(100 + ((c * 7 + l * 13 + f) % 50) * 150, 0x61));
      if (o.sideAt(l)) fs.mkdirSync(path.join(d, 'side', 'deeper'), { recursive: true });
    }
    bottoms.push(d);
  }
  fs.writeFileSync(path.join(bottoms[0], 'shared'), Buffer.alloc(300_000, 0x62));
  for (const b of bottoms.slice(1)) fs.linkSync(path.join(bottoms[0], 'shared'), path.join(b, 'shared'));
  return bottoms;
}

// What must not depend on which scanner read which directory: each directory's own figures. The
// shared file counts where its first name was read, so the bottoms are compared together.
export function perDirectory(index: HotspotIndex, bottoms: readonly string[]) {
  const dirs = new Map<string, { bytes: number; entries: number; selfBytes: number }>();
  const atBottoms = { bytes: 0, entries: 0 };
  for (let id = 0; id < index.size; id++) {
    const d = index.get(id);
    const key = typeof d.path === 'string' ? d.path : Buffer.from(d.path).toString('hex');
    if (bottoms.includes(key)) {
      atBottoms.bytes += d.bytes;
      atBottoms.entries += d.entries;
    } else dirs.set(key, { bytes: d.bytes, entries: d.entries, selfBytes: d.selfBytes });
  }
  return { dirs, atBottoms };
}
