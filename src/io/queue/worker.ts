// The reading half of a queue scan, run in worker threads: each batch of queue file names is
// opened, read and parsed here (the syscalls and the parse, most of a scan's CPU) and the
// messages go back to the scan, which folds them into its one table, tally and selection. The
// worker is started with eval from the functions' own source text (callSource), as the hotspot
// workers are, so the bundled file and the TypeScript sources under test start it the same way.
import { callSource } from '../system/eval-source.js';
import { envelopeParserFunctions, parseEnvelope } from '../../core/queue/envelope.js';
import { createQueueFileReader, type MessageFile, type ReadOutcome } from './read-message.js';

// A batch to read: names of one directory, joined by newlines (one string crosses threads far
// cheaper than an object per file); the outcomes come back in the same order (structured
// clone: measured half the CPU of JSON text both ways).
export interface ReadRequest {
  seq: number;
  queue: MessageFile['queue'];
  /** The directory below the queue directory root ("deferred/2") and its full path. */
  rel: string;
  full: string;
  names: string;
}
export interface ReadReply {
  seq: number;
  outcomes: ReadOutcome[];
}

// Entry point of a queue worker thread: answers each batch with its outcomes.
function queueWorkerMain(nodeFs: typeof import('node:fs'), wt: typeof import('node:worker_threads'), makeReader: typeof createQueueFileReader, parse: typeof parseEnvelope): void {
  const port = wt.parentPort!;
  const read = makeReader(nodeFs, parse);
  port.on('message', (m: ReadRequest) => {
    const names = m.names.split('\n');
    const outcomes: ReadOutcome[] = new Array(names.length);
    for (let i = 0; i < names.length; i++) outcomes[i] = read({ queue: m.queue, id: names[i], rel: `${m.rel}/${names[i]}`, full: `${m.full}/${names[i]}` });
    const reply: ReadReply = { seq: m.seq, outcomes };
    port.postMessage(reply);
  });
}

// The eval source of a queue worker thread: the entry point applied to node's modules, the
// reader factory and the envelope parser (defined first with the parser's own helpers).
export function queueWorkerSource(): string {
  const helpers = [createQueueFileReader, ...envelopeParserFunctions];
  return callSource(queueWorkerMain, helpers, "require('node:fs')", "require('node:worker_threads')", createQueueFileReader.name, parseEnvelope.name);
}

