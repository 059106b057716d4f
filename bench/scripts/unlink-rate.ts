// Empties DIR with the purge's unlink walker alone (no plan, no count, no Node start-up of the
// CLI's modules), to compare its unlink rate with `find -delete` and `rm -rf` in the same run:
//   node --import tsx bench/scripts/unlink-rate.ts DIR [CONCURRENCY]
// CONCURRENCY: unlinks in flight (the walker's default when not given).
import fs from 'node:fs';
import { unlinkTree } from '../../src/io/walk/unlink-tree.js';

const [dir, concurrency] = [process.argv[2], process.argv[3]];
const st = fs.statSync(dir);
const t0 = performance.now();
const r = await unlinkTree(dir, { dev: st.dev, ino: st.ino }, { concurrency: concurrency ? Number(concurrency) : undefined });
const s = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ removed: r.removed, errors: r.errors, seconds: Number(s.toFixed(2)), perSecond: Math.round(r.removed / s) }));
if (r.errors || r.stoppedBecause) process.exit(1);
