import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createDeferringPostfix, waitAllDeferred, type DeferringPostfix } from './queue-flood.js';
import { makeTempDir } from './temp-dir.js';

// One private Postfix with a really deferred queue for a describe block (root and Postfix, so
// inside describeWith(['root', 'postfix'], ...)): made and filled once before its tests, stopped
// and removed after them. Retries are pushed an hour away so the queue holds still while tested.

/** Keeps deferred mail where it is for the length of a test file. */
const STABLE = ['minimal_backoff_time = 1h', 'maximal_backoff_time = 2h', 'queue_run_delay = 1h'];

// What the block is given: the instance once made, and a directory beside it for its own files.
export interface DeferredQueue {
  /** The instance (inside the tests: it is made before them). */
  readonly pf: DeferringPostfix;
  /** A temp directory (mode 0755, under /var/tmp) the instance lives in; the tests may write there. */
  readonly dir: string;
}

// How to fill the queue: main.cf lines beyond STABLE, what to send, and how many messages that makes.
export interface DeferredQueueSpec {
  name: string;
  mainCf?: string[];
  fill: (pf: DeferringPostfix) => void | Promise<void>;
  /** Messages in the deferred queue once every one was tried. */
  count: number;
}

// Registers the block's beforeAll/afterAll; call it at the top of the describe callback.
export function useDeferredQueue(spec: DeferredQueueSpec): DeferredQueue {
  const tmp = makeTempDir(spec.name, '/var/tmp');
  let pf: DeferringPostfix | undefined;
  beforeAll(async () => {
    // the instance's daemons (not root) reach their directories through this one
    fs.chmodSync(tmp.dir, 0o755);
    pf = await createDeferringPostfix(path.join(tmp.dir, 'pf'), [...STABLE, ...(spec.mainCf ?? [])]);
    await spec.fill(pf);
    await waitAllDeferred(pf, spec.count);
  }, 180_000);
  afterAll(() => {
    pf?.dispose();
    tmp.cleanup();
  });
  return {
    get pf() {
      if (!pf) throw new Error(`${spec.name}: the Postfix instance is made in beforeAll`);
      return pf;
    },
    dir: tmp.dir,
  };
}

// The sorted queue IDs of postqueue -j or --list lines (to compare queues as sets).
export const queueIds = (q: { queue_id: string }[]): string[] => q.map((m) => m.queue_id).sort();

// The names of the regular files anywhere below dir (a queue or a log directory); none when it is gone.
export const filesBelow = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name) : []);
