import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRecord as rec } from '../../src/core/queue/record-cursor.js';
import { planQueue, runQueueScan, type QueuePlan, type QueueRequest } from '../../src/ops/queue.js';
import { wordReadErrors } from '../../src/io/queue/read-message.js';
import { queueIoText } from '../../src/io/queue/messages.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// The reader's own problems with a queue file leave the reader (a worker thread, where no
// catalogue is reachable) as codes and figures, and are worded on the main thread: the same
// words from the threads as from one thread.
describe('queue reader problems, worded on the main thread', () => {
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

  it.each([1, 2])('names a queue file without a sender record in words (%i reader threads)', async (workers) => {
    const scan = await runQueueScan((await planQueue(req({ workers }), deps)) as QueuePlan, deps);
    expect(scan.messages).toBe(2);
    expect(scan.brokenSample).toEqual([{ queue: 'deferred', id: NO_SENDER, errors: [queueIoText.messages.en.reading.noSender] }]);
    expect(scan.brokenSample[0].errors[0]).toBe('no sender record');
  });

  it('words a code with its figure and leaves the parser errors as they are', () => {
    const message = { errors: ['read:too-many-reads:64', 'duplicate sender record'] } as never;
    const out = wordReadErrors({ message });
    expect('message' in out && out.message.errors).toEqual(['the envelope needs more than 64 reads; reading stopped', 'duplicate sender record']);
  });
});
