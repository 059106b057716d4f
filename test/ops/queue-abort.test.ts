import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../fixtures/lib/prng.js';
import { writeQueueFlood } from '../../fixtures/lib/queue-flood.js';
import { parseMatch } from '../../src/core/queue/selection.js';
import { runQueueAction } from '../../src/ops/queue-action.js';
import { planQueue, runQueueScan, type QueuePlan, type QueueRequest } from '../../src/ops/queue.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Ctrl-C during the scan keeps what was read; during a direct delete it keeps the rest intact.
describe('queue scan and delete, stopped half-way', () => {
  const tmp = makeTempDir('queue-abort');
  const queueDir = path.join(tmp.dir, 'spool');
  const stopped = { running: false, how: 'test: stopped' };
  const deps = { postfixState: async () => stopped, nowMs: () => Date.now() };
  const req = (over: Partial<QueueRequest> = {}): QueueRequest => ({
    queueDir, configDir: tmp.dir, queues: ['deferred'], by: 'domain', top: 20, selection: { matches: [] }, wantReasons: false, sampleSize: 2,
    hash: { hashQueueNames: ['deferred', 'defer'], hashQueueDepth: 1 }, postsuperInstalled: false, ...over,
  });
  const plan = async (over: Partial<QueueRequest> = {}) => (await planQueue(req(over), deps)) as QueuePlan;
  const count = (q: string) => fs.readdirSync(path.join(queueDir, q), { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;

  beforeAll(() => {
    writeQueueFlood({ queueDir, rng: createRng(3), files: 3000, startMs: Date.now() - 86_400_000, endMs: Date.now(), ownerUid: 0 });
  });
  afterAll(() => tmp.cleanup());

  it('returns the partial table, marked aborted', async () => {
    const ac = new AbortController();
    const scan = await runQueueScan(await plan(), deps, (p) => p.files > 0 && ac.abort(), ac.signal);
    expect(scan.aborted).toBe(true);
    expect(scan.messages).toBeGreaterThan(0);
    expect(scan.messages).toBeLessThan(3000);
    expect(scan.totals.messages).toBe(scan.messages);
    const full = await runQueueScan(await plan(), deps);
    expect(full.aborted).toBe(false);
    expect(full.messages).toBe(3000);
  });

  it('stops a direct delete between files; what was not reached is intact, logs included', async () => {
    const p = await plan({ action: 'delete', selection: { matches: [parseMatch('id=*')] } });
    expect(p.method).toBe('direct');
    const scan = await runQueueScan(p, deps);
    expect(scan.selected).toHaveLength(3000);
    const ac = new AbortController();
    const incident: string[] = [];
    const out = await runQueueAction(
      p,
      scan,
      { ...deps, run: async () => { throw new Error('no postsuper here'); }, postfixCheck: async () => ({ ran: false, skip: { code: 'not-a-queue' as const }, output: '', logLines: [] }), appendIncident: (md) => (incident.push(md), { ok: true, bytesWritten: md.length }), host: 'test' },
      (pr) => pr.done >= 1000 && ac.abort(),
      ac.signal,
    );
    if ('refused' in out) throw new Error(out.refused.reason);
    expect(out.aborted).toBe(true);
    expect(out.done).toBeGreaterThanOrEqual(1000);
    expect(out.done).toBeLessThan(3000);
    expect(count('deferred')).toBe(3000 - out.done);
    expect(count('defer')).toBe(3000 - out.done);
    expect(incident[0]).toContain(`### Selected queue IDs (3000)`);
    expect(incident[1]).toContain('STOPPED before the end');
  });

  it('refuses a direct delete when Postfix started since the plan', async () => {
    const p = await plan({ action: 'delete', selection: { matches: [parseMatch('id=*')] } });
    const scan = await runQueueScan(p, deps);
    const running = { running: true, how: 'test: master is up' };
    const out = await runQueueAction(p, scan, { postfixState: async () => running, nowMs: () => Date.now(), run: async () => { throw new Error('unused'); }, postfixCheck: async () => ({ ran: false, output: '', logLines: [] }), appendIncident: () => null, host: 't' });
    expect('refused' in out && out.refused.code).toBe('postfix-started');
    expect(count('deferred')).toBe(scan.selected.length);
  });
});
