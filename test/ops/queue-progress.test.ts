import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../fixtures/lib/prng.js';
import { writeQueueFlood } from '../../fixtures/lib/queue-flood.js';
import { scanProgressText } from '../../src/core/queue/scan-progress.js';
import { planQueue, runQueueScan, type QueuePlan, type QueueScanProgress } from '../../src/ops/queue.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// The scan's progress knows the total before reading (the walk counts the names first), so it
// shows a percentage and an ETA; the count covers every hashed subdirectory and queue asked for.
describe('queue scan progress: total and ETA', () => {
  const tmp = makeTempDir('queue-progress');
  const queueDir = path.join(tmp.dir, 'spool');
  const deps = { postfixState: async () => ({ running: false, how: 'test: stopped' }), nowMs: () => Date.now() };
  const FILES = 5000;

  beforeAll(() => {
    writeQueueFlood({ queueDir, rng: createRng(5), files: FILES, startMs: Date.now() - 86_400_000, endMs: Date.now(), ownerUid: 0 });
  });
  afterAll(() => tmp.cleanup());

  it('reports the counted total from the first batch on, and an ETA once a rate is known', async () => {
    const plan = (await planQueue(
      { queueDir, configDir: tmp.dir, queues: ['deferred'], by: 'domain', top: 10, selection: { matches: [] }, wantReasons: false, sampleSize: 0, hash: { hashQueueNames: ['deferred', 'defer'], hashQueueDepth: 1 }, postsuperInstalled: false },
      deps,
    )) as QueuePlan;
    const seen: QueueScanProgress[] = [];
    const scan = await runQueueScan(plan, deps, (p) => seen.push({ ...p }));
    expect(scan.messages).toBe(FILES);
    expect(seen[0].total).toBeUndefined();
    const reading = seen.slice(1);
    expect(reading.length).toBeGreaterThan(1);
    for (const p of reading) expect(p.total).toBe(FILES);
    expect(reading[reading.length - 1].files).toBe(FILES);
    expect(reading[reading.length - 1].etaS).toBe(0);
    const withRate = reading.filter((p) => p.ratePerS > 0);
    expect(withRate.length).toBeGreaterThan(0);
    for (const p of withRate) expect(p.etaS).toBeCloseTo((FILES - p.files) / p.ratePerS, 6);
  });
});

describe('scanProgressText', () => {
  it('says it is counting, then shows files of total, percentage, rate and ETA', () => {
    expect(scanProgressText('/q', { files: 0, ratePerS: 0, elapsedMs: 0 })).toBe('counting the files in /q (for the ETA)');
    expect(scanProgressText('/q', { files: 12_000, total: 50_000, ratePerS: 9_000, elapsedMs: 1_300 })).toBe('reading /q: 12,000 / 50,000 files (24%), 9,000/s, 1.3s, ETA 4.2s');
    // more files than counted (mail arrived meanwhile): never above 100%, never a negative ETA
    expect(scanProgressText('/q', { files: 51_000, total: 50_000, ratePerS: 9_000, elapsedMs: 6_000 })).toBe('reading /q: 51,000 / 51,000 files (100%), 9,000/s, 6.0s, ETA 0.0s');
    expect(scanProgressText('/q', { files: 10, total: 50_000, ratePerS: 0, elapsedMs: 0 })).toBe('reading /q: 10 / 50,000 files (0%), 0/s, 0.0s, ETA -');
  });
});
