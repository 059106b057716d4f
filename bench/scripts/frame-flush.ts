// Micro-benchmark of one FrameWriter flush: a 24-row, 80-column frame whose every row changed
// (the worst case: a screen switch), rows as Ink writes them (colour codes, some Japanese).
// CPU microseconds per flush, median of batches (CPU time: wall time stretches on a loaded machine).
// Run: npx tsx bench/scripts/frame-flush.ts [FLUSHES_PER_BATCH] [BATCHES]
import { createRequire } from 'node:module';

// the sources load string-width with require() (the bundle has one); give them one here
(globalThis as { require?: NodeJS.Require }).require = createRequire(import.meta.url);
const { FrameWriter } = await import('../../src/ui/terminal/frame-writer.js');

const perBatch = Number(process.argv[2] ?? 2000);
const batches = Number(process.argv[3] ?? 15);
const COLUMNS = 80;
const ROWS = 24;

// One frame: a title, coloured table rows, Japanese lines, a key help line; `n` varies the digits.
function frame(n: number): string {
  const rows: string[] = [];
  for (let r = 0; r < ROWS; r++) {
    if (r % 6 === 0) rows.push(`\u001b[1m\u001b[36m キューの送信元 ${n} 通目 (${r})\u001b[39m\u001b[22m`);
    else if (r % 6 === 3) rows.push(`  送信者のレコードがありません: deferred/${n}/${r}ABCDEF  \u001b[2m最終 ${n % 60}分前\u001b[22m`);
    else rows.push(`\u001b[32m${String(n + r).padStart(8)}\u001b[39m  ${'mailer-daemon@example.org'.padEnd(30)} ${String(n * r).padStart(9)} bytes  \u001b[33m${r}h\u001b[39m`);
  }
  return rows.join('\n');
}

const frames = [frame(1), frame(2)];
const w = new FrameWriter({ write: () => {}, columns: COLUMNS, rows: ROWS, spans: false, minIntervalMs: 0, now: () => 0 });
const perFlushUs: number[] = [];
for (let b = 0; b < batches; b++) {
  const start = process.cpuUsage();
  for (let i = 0; i < perBatch; i++) {
    w.push(frames[i & 1]);
  }
  const used = process.cpuUsage(start);
  perFlushUs.push((used.user + used.system) / perBatch);
}
perFlushUs.sort((a, b) => a - b);
const median = perFlushUs[Math.floor(perFlushUs.length / 2)];
console.log(`flush of a ${ROWS}-row frame, every row changed: median ${median.toFixed(1)} µs CPU (${batches} batches of ${perBatch}; min ${perFlushUs[0].toFixed(1)}, max ${perFlushUs[perFlushUs.length - 1].toFixed(1)})`);
