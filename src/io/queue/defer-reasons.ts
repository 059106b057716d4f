import fs from 'node:fs';
import path from 'node:path';
import { parseDeferLog } from '../../core/queue/defer-log.js';
import type { QueueMessage } from '../../core/queue/message.js';
import { queueFilePath } from '../../core/queue/queue-id.js';

// Postfix's hashing, needed to find a message's defer/bounce/trace logs.
export interface HashLayout {
  hashQueueNames: readonly string[];
  hashQueueDepth: number;
}

/** A defer log past this is read in part (Postfix writes a few hundred bytes per recipient). */
const MAX_LOG = 4 << 20;

// Reads a log file (defer/, bounce/, trace/) of an ID when there is one; null when absent.
function readQueueLog(queueDir: string, log: 'defer' | 'bounce' | 'trace', id: string, h: HashLayout): string | null {
  const file = path.join(queueDir, queueFilePath(log, id, h.hashQueueNames, h.hashQueueDepth));
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const size = Math.min(fs.fstatSync(fd).size, MAX_LOG);
    const buf = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const n = fs.readSync(fd, buf, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got).toString('utf8');
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

// Attaches delay reasons from the message's defer log to its pending recipients (as showq does).
export function addDelayReasons(queueDir: string, m: QueueMessage, h: HashLayout): void {
  const text = readQueueLog(queueDir, 'defer', m.queue_id, h);
  if (!text) return;
  const reasons = parseDeferLog(text);
  for (const r of m.recipients) {
    const why = reasons.get(r.address) ?? (r.orig_address ? reasons.get(r.orig_address) : undefined);
    if (why && !r.done) r.delay_reason = why;
  }
}
