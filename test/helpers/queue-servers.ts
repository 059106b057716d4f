import fs from 'node:fs';
import path from 'node:path';
import { makeQueueDirs } from '../../fixtures/lib/queue-tree.js';
import type { TestMount } from './mounts.js';
import { makeTempDir } from './temp-dir.js';

const ROOT_OWNED = { mailOwnerUid: 0, setgidGid: 0, rootGid: 0, submitterUid: 0 };

// A server tree for purge tests run with --root: its Postfix queue, optionally on a mount of its own.
export interface QueueServer {
  root: string;
  queue: string;
  /** A path inside the queue directory. */
  q(p: string): string;
}

// Several root-owned server trees under one temp dir (maildrop 01730); cleanup() unmounts every
// mount made through it, newest first, then removes the tree (call it from afterAll).
export function queueServers(prefix: string): { dir: string; server(name: string, mount?: (queue: string) => TestMount): QueueServer; track(m: TestMount): TestMount; cleanup(): void } {
  const tmp = makeTempDir(prefix);
  const mounts: TestMount[] = [];
  const track = (m: TestMount) => {
    mounts.push(m);
    return m;
  };
  return {
    dir: tmp.dir,
    track,
    server(name, mount) {
      const root = path.join(tmp.dir, name);
      const queue = path.join(root, 'var/spool/postfix');
      fs.mkdirSync(queue, { recursive: true });
      if (mount) track(mount(queue));
      makeQueueDirs(queue, ROOT_OWNED, 0o1730);
      return { root, queue, q: (p: string) => path.join(queue, p) };
    },
    cleanup() {
      for (const m of mounts.reverse()) m.unmount();
      tmp.cleanup();
    },
  };
}
