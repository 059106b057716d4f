import fs from 'node:fs';
import path from 'node:path';
import { parseLeftoverName } from '../../core/purge/aside.js';
import { streamDir } from '../walk/dir-stream.js';

// Directories an interrupted swap left next to DIR (found by name in its parent), so a rerun
// finishes the job: set-aside copies to delete, a fresh directory not yet renamed into place.
export interface Leftover {
  kind: 'aside' | 'fresh';
  name: string;
  path: string;
  stamp: string;
  dev: number;
  ino: number;
}

// Streams DIR's parent (bounded memory even for a mail spool with many mailboxes) for leftovers of
// DIR; only real directories on the parent's filesystem count, never symlinks. Newest first.
export async function findLeftovers(dir: string, signal?: AbortSignal): Promise<Leftover[]> {
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  const parentDev = fs.lstatSync(parent).dev;
  const out: Leftover[] = [];
  for await (const batch of streamDir(parent, { signal })) {
    for (const d of batch) {
      const parsed = parseLeftoverName(d.name, base);
      if (!parsed) continue;
      const p = path.join(parent, d.name);
      const st = fs.lstatSync(p, { throwIfNoEntry: false });
      if (!st || !st.isDirectory() || st.dev !== parentDev) continue;
      out.push({ kind: parsed.kind, name: d.name, path: p, stamp: parsed.stamp, dev: st.dev, ino: st.ino });
    }
  }
  return out.sort((a, b) => (a.stamp < b.stamp ? 1 : a.stamp > b.stamp ? -1 : 0));
}
