import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRecord as rec } from '../../src/core/queue/record-cursor.js';
import { planQueue, runQueueScan, type QueuePlan, type QueueRequest } from '../../src/ops/queue.js';
import { scanJson } from '../../src/core/queue/json.js';
import { envelopeProblemWords } from '../../src/core/queue/envelope-problems.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// The reader's own problems with a queue file leave the reader (a worker thread, where no
// catalogue is reachable) as facts (a code and figures), the same from the threads as from one
// thread, and are worded where shown: English in --json, the run's language on screens.
describe('queue reader problems, as facts worded where shown', () => {
  const tmp = makeTempDir('queue-read-errors');
  const queueDir = path.join(tmp.dir, 'spool');
  const now = Date.now();
  const deps = { postfixState: async () => ({ running: false, how: 'test: stopped' }), nowMs: () => now };
  const req = (over: Partial<QueueRequest>): QueueRequest => ({
    queueDir, configDir: tmp.dir, queues: ['deferred'], by: 'domain', top: 15, selection: { matches: [] }, wantReasons: false, sampleSize: 2,
    hash: { hashQueueNames: ['deferred', 'defer'], hashQueueDepth: 1 }, postsuperInstalled: false, ...over,
  });
  const NO_SENDER = 'ABCDEF0789';
  const GOOD = 'ABCDEF0790';

  beforeAll(() => {
    const dir = path.join(queueDir, 'deferred', 'A');
    fs.mkdirSync(dir, { recursive: true });
    const t = Math.floor(now / 1000) - 600;
    // a whole envelope without its S record, and one with it (C: content length, data offset, recipients)
    const file = (sender: boolean) => {
      const envelope = Buffer.concat([rec('T', `${t} 0`), ...(sender ? [rec('S', 'someone@example.org')] : []), rec('R', 'a@lost.example'), rec('M', '')]);
      const content = rec('N', 'Subject: lost');
      const fields = [content.length, 97 + envelope.length, 1, 0, content.length, 0].map((n) => String(n).padStart(15)).join(' ');
      return Buffer.concat([rec('C', fields), envelope, content, rec('X', ''), rec('E', '')]);
    };
    fs.writeFileSync(path.join(dir, NO_SENDER), file(false), { mode: 0o700 });
    fs.writeFileSync(path.join(dir, GOOD), file(true), { mode: 0o700 });
  });
  afterAll(() => tmp.cleanup());

  it.each([1, 2])('names a queue file without a sender record (%i reader threads)', async (workers) => {
    const scan = await runQueueScan((await planQueue(req({ workers }), deps)) as QueuePlan, deps);
    expect(scan.messages).toBe(2);
    expect(scan.brokenSample).toEqual([{ queue: 'deferred', id: NO_SENDER, errors: [{ code: 'no-sender', figures: [] }] }]);
    expect(scanJson(scan, false).brokenSample).toEqual([{ queue: 'deferred', id: NO_SENDER, errors: ['no sender record'] }]);
    expect(envelopeProblemWords(scan.brokenSample[0].errors[0], 'ja')).toBe('送信者のレコードがありません');
  });
});
