import fs from 'node:fs';
import { parseEnvelope } from '../../core/queue/envelope.js';
import type { ByteWindow } from '../../core/queue/envelope.js';
import type { QueueMessage, QueueName } from '../../core/queue/message.js';

// Reads one queue file: the first 4 KiB into one reused buffer, then only the windows the
// envelope parser asks for (pointer records, the extracted segment after the content).
// Synchronous on purpose: on a warm cache a syscall is cheaper than a trip through the thread
// pool, and the walker yields between batches so progress and Ctrl-C still get their turn.

// Where the file is and what to read from it.
export interface MessageFile {
  queue: QueueName;
  id: string;
  /** Path below the queue directory root ("deferred/2/24EB9888E"). */
  rel: string;
  full: string;
  wantHeaders?: boolean;
}

// A file that vanished (delivered, moved by qmgr) or is not a regular file is not a message.
export type ReadOutcome = { message: QueueMessage } | { gone: string } | { notFile: true };

// The reader as a self-contained factory (no module constants, no imported functions): the scan's
// worker threads build it from its source text with their own fs and the envelope parser.
export function createQueueFileReader(nodeFs: typeof import('node:fs'), parse: typeof parseEnvelope): (f: MessageFile) => ReadOutcome {
  const FIRST = 4096;
  const MAX_LOADS = 64;
  const OPEN = nodeFs.constants.O_RDONLY | nodeFs.constants.O_NOFOLLOW | nodeFs.constants.O_NONBLOCK;
  // the first window of every file is read into this one buffer (the parse copies what it keeps)
  const scratch = Buffer.allocUnsafe(FIRST);
  const load = (fd: number, offset: number, length: number, size: number, reuse: boolean): ByteWindow => {
    const len = Math.max(0, Math.min(length, size - offset));
    const buf = reuse && len <= FIRST ? scratch : Buffer.allocUnsafe(len);
    let got = 0;
    while (got < len) {
      const n = nodeFs.readSync(fd, buf, got, len - got, offset + got);
      if (n === 0) break;
      got += n;
    }
    return { offset, buf: buf.subarray(0, got) };
  };
  // Opens, fstats and parses one queue file (never follows a symlink, never blocks on a FIFO).
  return (f) => {
    let fd: number;
    try {
      fd = nodeFs.openSync(f.full, OPEN);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? String(e);
      // a symlink planted under a queue name is not a queue file (O_NOFOLLOW refused it)
      return code === 'ELOOP' ? { notFile: true } : { gone: code };
    }
    try {
      // fstat gives what the records cannot: regular file, the "complete" bit, mtime, owner
      const st = nodeFs.fstatSync(fd);
      if (!st.isFile()) return { notFile: true };
      const size = st.size;
      const windows: ByteWindow[] = [load(fd, 0, FIRST, size, true)];
      let step = parse(windows, size, f.wantHeaders === true);
      for (let i = 0; 'need' in step && i < MAX_LOADS; i++) {
        windows.push(load(fd, step.need.offset, Math.max(step.need.length, FIRST), size, false));
        step = parse(windows, size, f.wantHeaders === true);
      }
      const env = 'envelope' in step ? step.envelope : null;
      const mtime = Math.floor(st.mtimeMs / 1000);
      // the reader's own problems are facts too, worded where shown (core/queue/envelope-problems.ts)
      const errors: QueueMessage['errors'] = env ? env.errors : [{ code: 'too-many-reads', figures: [MAX_LOADS] }];
      const maildrop = f.queue === 'maildrop';
      const message: QueueMessage = {
        queue_name: f.queue,
        queue_id: f.id,
        path: f.rel,
        arrival_time: env?.arrival_time ?? mtime,
        next_retry: f.queue === 'deferred' ? mtime : null,
        file_bytes: size,
        message_size: !maildrop && env?.message_size != null ? env.message_size : size,
        sender: env?.sender ?? null,
        recipients: env?.recipients ?? [],
        sasl_method: env?.sasl_method ?? null,
        sasl_username: env?.sasl_username ?? null,
        client_address: env?.client_address ?? null,
        client_name: env?.client_name ?? null,
        helo: env?.helo ?? null,
        origin: env?.client_address ? 'network' : 'local',
        uid: maildrop ? st.uid : (env?.received_uid ?? null),
        complete: (st.mode & 0o100) !== 0,
        errors: env && env.sender === null && !errors.length ? [{ code: 'no-sender', figures: [] }] : errors,
        ...(env?.headers ? { headers: env.headers } : {}),
      };
      return { message };
    } catch (e) {
      return { gone: (e as NodeJS.ErrnoException).code ?? String(e) };
    } finally {
      nodeFs.closeSync(fd);
    }
  };
}

// Reads one queue file in this thread.
export const readQueueMessage: (f: MessageFile) => ReadOutcome = createQueueFileReader(fs, parseEnvelope);
