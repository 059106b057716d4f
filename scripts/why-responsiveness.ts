import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRng } from '../fixtures/lib/prng.js';
import { writeStormLog } from '../fixtures/lib/maillog-storm.js';
import { createSystemPaths } from '../src/core/system-paths.js';
import { maillogPort } from '../src/ui/ports/real.js';

// How the walk's Why step behaves on a big mail log, through the same port the step calls: the
// full pass's rate, how often progress arrives (the largest gap between two reports), how long
// the event loop is held at most (what delays a key press or a frame), how soon Esc stops the
// pass (abort at half way until the partial result is back), and the peak RSS.
// Usage: node --import tsx scripts/why-responsiveness.ts [MB]   (default 300)

const MB = Number(process.argv[2] ?? 300);
const dir = fs.mkdtempSync(path.join('/var/tmp', 'sr-why-resp-'));
const log = path.join(dir, 'maillog');

// The longest the event loop was held while `run` ran, sampled by a 10 ms timer.
async function withLoopLag<T>(run: () => Promise<T>): Promise<{ value: T; maxLagMs: number }> {
  let maxLagMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxLagMs = Math.max(maxLagMs, now - last - 10);
    last = now;
  }, 10);
  try {
    return { value: await run(), maxLagMs };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<void> {
  const t0 = performance.now();
  writeStormLog({ path: log, rng: createRng(42), startDay: new Date(Date.UTC(2026, 11, 20)), days: 14, bytes: MB * 2 ** 20, storm: { perDay: [14, 261, 461, 287, 345, 102, 0], startDayIndex: 6 }, diskFull: true });
  const size = fs.statSync(log).size;
  console.log(`log: ${(size / 2 ** 20).toFixed(0)} MiB written in ${((performance.now() - t0) / 1000).toFixed(1)} s; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const port = maillogPort(createSystemPaths(undefined, '/'));

  const l0 = performance.now();
  const look = await port.look([log], 80);
  console.log(`first look: ${(performance.now() - l0).toFixed(0)} ms (${look.lines.length} lines)`);

  const times: number[] = [];
  const p0 = performance.now();
  const full = await withLoopLag(() => port.pass([log], { signal: new AbortController().signal, onProgress: () => times.push(performance.now()) }));
  const secs = (performance.now() - p0) / 1000;
  const gaps = times.map((t, i) => t - (i ? times[i - 1] : p0));
  console.log(`full pass: ${secs.toFixed(1)} s, ${(size / 2 ** 20 / secs).toFixed(0)} MiB/s, complete=${full.value.complete}, ${full.value.report.verdicts.map((v) => v.code).join(',')}`);
  const median = [...gaps].sort((x, y) => x - y)[Math.floor(gaps.length / 2)] ?? 0;
  console.log(`progress: ${times.length} reports, first after ${(gaps[0] ?? 0).toFixed(0)} ms, median gap ${median.toFixed(0)} ms, largest ${Math.max(0, ...gaps).toFixed(0)} ms; event loop held at most ${full.maxLagMs.toFixed(0)} ms`);

  const ac = new AbortController();
  let abortedAt = 0;
  const half = await withLoopLag(() =>
    port.pass([log], {
      signal: ac.signal,
      onProgress: (p) => {
        if (!abortedAt && p.bytesDone >= size / 2) {
          abortedAt = performance.now();
          ac.abort();
        }
      },
    }),
  );
  const stopMs = performance.now() - abortedAt;
  console.log(`abort at half way: partial result back ${stopMs.toFixed(0)} ms after the abort, complete=${half.value.complete}, ${(half.value.report.bytes / 2 ** 20).toFixed(0)} MiB counted`);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (this process: generator, two passes)`);
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(dir, { recursive: true, force: true }));
