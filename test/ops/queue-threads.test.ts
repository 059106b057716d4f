import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../fixtures/lib/prng.js';
import { writeQueueFlood } from '../../fixtures/lib/queue-flood.js';
import { encodeRecord as rec } from '../../src/core/queue/record-cursor.js';
import { parseMatch } from '../../src/core/queue/selection.js';
import { envelopeProblemWords } from '../../src/core/queue/envelope-problems.js';
import { planQueue, runQueueScan, selectKeptRows, type QueuePlan, type QueueRequest } from '../../src/ops/queue.js';
import { defaultReadThreads } from '../../src/io/queue/read-pool.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// The scan's reader threads give the same table, verdicts and selection as one thread on the same
// queue; Ctrl-C keeps what the threads read; a damaged file in a thread's batch is counted and
// named, not fatal.
describe('queue scan in reader threads', () => {
  const tmp = makeTempDir('queue-threads');
  const queueDir = path.join(tmp.dir, 'spool');
  const now = Date.now();
  // one clock for every scan: the age buckets are the same for both runs
  const deps = { postfixState: async () => ({ running: false, how: 'test: stopped' }), nowMs: () => now };
  const req = (over: Partial<QueueRequest>): QueueRequest => ({
    queueDir, configDir: tmp.dir, queues: ['deferred', 'hold'], by: 'domain', top: 15, selection: { matches: [] }, wantReasons: false, sampleSize: 2,
    hash: { hashQueueNames: ['deferred', 'defer'], hashQueueDepth: 1 }, postsuperInstalled: false, ...over,
  });
  const plan = async (over: Partial<QueueRequest>) => (await planQueue(req(over), deps)) as QueuePlan;
  const FILES = 4000;
  // garbage under a queue ID name, complete (0700) like a finished file
  const GARBAGE = 'ABCDEF0123';
  // a queue file cut in the middle of its envelope
  const TRUNCATED = 'ABCDEF0456';

  beforeAll(() => {
    writeQueueFlood({ queueDir, rng: createRng(21), files: FILES, startMs: now - 3 * 86_400_000, endMs: now, ownerUid: 0 });
    fs.mkdirSync(path.join(queueDir, 'hold'), { recursive: true });
    const garbage = path.join(queueDir, 'deferred', 'A', GARBAGE);
    fs.mkdirSync(path.dirname(garbage), { recursive: true });
    fs.writeFileSync(garbage, Buffer.from('\x00\xffnot a queue file at all\n'.repeat(40), 'latin1'), { mode: 0o700 });
    const whole = Buffer.concat([rec('C', '100 200 0 2 0'), rec('T', `${Math.floor(now / 1000) - 600} 0`), rec('S', 'cut@example.org'), rec('R', 'a@cut.example'), rec('R', 'b@cut.example')]);
    fs.writeFileSync(path.join(queueDir, 'hold', TRUNCATED), whole.subarray(0, whole.length - 5), { mode: 0o700 });
  });
  afterAll(() => tmp.cleanup());

  const facts = (s: Awaited<ReturnType<typeof runQueueScan>>) => ({
    rows: s.rows, rest: s.rest, totals: s.totals, messages: s.messages, broken: s.broken, incomplete: s.incomplete, vanished: s.vanished,
    perQueue: s.perQueue, verdicts: s.verdicts, strays: s.notes.strays, selectedBytes: s.selectedBytes, selectedBeyond: s.selectedBeyond,
    selected: s.selected.map((m) => `${m.queue}/${m.id}`).sort(),
    broken10: s.brokenSample.map((b) => b.id).sort(),
  });

  it.each(['domain', 'sender', 'sasl', 'client', 'uid'] as const)('gives the same table as one thread (--by %s), with a selection', async (by) => {
    const selection = { matches: [parseMatch('sender=<>')], olderThanSec: 3600 };
    const one = await runQueueScan(await plan({ by, selection, workers: 1 }), deps);
    const threads = await runQueueScan(await plan({ by, selection, workers: 3 }), deps);
    expect(one.messages).toBe(FILES + 2);
    expect(one.selected.length).toBeGreaterThan(100);
    expect(facts(threads)).toEqual(facts(one));
  });

  it('counts and names a damaged file in a thread batch, and reads the rest', async () => {
    const scan = await runQueueScan(await plan({ workers: 2 }), deps);
    expect(scan.aborted).toBe(false);
    expect(scan.messages).toBe(FILES + 2);
    expect(scan.broken).toBe(2);
    const byId = new Map(scan.brokenSample.map((b) => [b.id, b.errors.map((e) => envelopeProblemWords(e)).join('; ')]));
    expect(byId.get(GARBAGE)).toMatch(/not a Postfix queue file/);
    expect(byId.get(TRUNCATED)).toMatch(/truncated/);
    expect(scan.perQueue).toEqual({ deferred: FILES + 1, hold: 1 });
  });

  it('keeps what the threads read when stopped, marked aborted', async () => {
    const ac = new AbortController();
    const scan = await runQueueScan(await plan({ workers: 2 }), deps, (p) => p.files > 0 && ac.abort(), ac.signal);
    expect(scan.aborted).toBe(true);
    expect(scan.messages).toBeGreaterThan(0);
    expect(scan.messages).toBeLessThan(FILES);
    expect(scan.totals.messages).toBe(scan.messages);
    expect(scan.rows.reduce((n, r) => n + r.total, 0) + (scan.rest?.total ?? 0)).toBe(scan.totals.total);
  });

  it('keeps each row\'s files (one thread or several) so some rows select exactly what a scan by their rules selects', async () => {
    for (const workers of [1, 2]) {
      const table = await runQueueScan(await plan({ by: 'domain', keepIds: 1_000_000, workers }), deps);
      expect(table.kept?.complete).toBe(true);
      const keys = table.rows.slice(1, 4).map((r) => r.key);
      const rules = keys.map((k) => parseMatch(`domain=${k}`));
      const p = await plan({ by: 'domain', selection: { matches: rules }, action: 'delete' });
      const fromTable = selectKeptRows(p, table, keys)!;
      const byRules = await runQueueScan(p, deps);
      const ids = (s: typeof byRules) => s.selected.map((m) => `${m.queue}/${m.id}/${m.rel}/${m.bytes}`).sort();
      expect(ids(fromTable)).toEqual(ids(byRules));
      expect(fromTable.selected.length).toBeGreaterThan(table.rows[1].messages);
      expect([fromTable.selectedBytes, fromTable.selectedBeyond]).toEqual([byRules.selectedBytes, byRules.selectedBeyond]);
      expect(fromTable.sample.map((m) => m.queue_id)).toEqual(fromTable.selected.slice(0, 2).map((m) => m.id));
      expect(fromTable.sample[0].headers?.length).toBeGreaterThan(0);
    }
  });

  it('stops keeping past its cap and then asks for a scan', async () => {
    const table = await runQueueScan(await plan({ keepIds: 100, workers: 2 }), deps);
    expect(table.kept?.paths).toHaveLength(100);
    expect(table.kept?.complete).toBe(false);
    expect(selectKeptRows(await plan({}), table, [table.rows[0].key])).toBeNull();
  });

  it('reads with as many threads as SPOOLRESCUE_QUEUE_READERS asks (memory measured with more threads than cores), else the cores up to 4', () => {
    const was = process.env.SPOOLRESCUE_QUEUE_READERS;
    try {
      process.env.SPOOLRESCUE_QUEUE_READERS = '3';
      expect(defaultReadThreads()).toBe(3);
      process.env.SPOOLRESCUE_QUEUE_READERS = '99';
      expect(defaultReadThreads()).toBe(16);
      process.env.SPOOLRESCUE_QUEUE_READERS = 'many';
      expect(defaultReadThreads()).toBe(Math.max(1, Math.min(4, os.availableParallelism())));
    } finally {
      if (was === undefined) delete process.env.SPOOLRESCUE_QUEUE_READERS;
      else process.env.SPOOLRESCUE_QUEUE_READERS = was;
    }
  });
});
