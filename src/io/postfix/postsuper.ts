import fs from 'node:fs';
import type { PostsuperResult } from '../../core/purge/result.js';
import type { CommandResult } from '../system/run-command.js';

// Deletes a whole queue the way Postfix wants it done while it runs: `postsuper -d ALL <queue>`
// (readdir + remove, no glob). Progress comes from the filesystem's free inodes, which grow by one
// per deleted queue file, polled while postsuper works.

// The queue to delete, where to watch free inodes for progress, abort and the runner.
export interface PostsuperOptions {
  configDir: string;
  queue: string;
  /** A path on the queue's filesystem, for statfs. */
  statfsPath: string;
  signal?: AbortSignal;
  total?: number;
  onProgress?: (removed: number) => void;
  intervalMs?: number;
  run: (program: string, args: readonly string[], signal?: AbortSignal) => Promise<CommandResult>;
}

const freeInodes = (p: string): number | undefined => {
  try {
    return fs.statfsSync(p).ffree;
  } catch {
    return undefined;
  }
};

// Runs postsuper -c CONFIG -d ALL QUEUE; Ctrl-C stops it (files already deleted stay deleted).
export async function postsuperDeleteAll(o: PostsuperOptions): Promise<PostsuperResult> {
  const start = freeInodes(o.statfsPath);
  const poll = () => {
    const now = freeInodes(o.statfsPath);
    if (start === undefined || now === undefined) return;
    const removed = Math.max(0, now - start);
    o.onProgress?.(o.total !== undefined ? Math.min(o.total, removed) : removed);
  };
  const timer = setInterval(poll, o.intervalMs ?? 500);
  let r: CommandResult;
  try {
    r = await o.run('postsuper', ['-c', o.configDir, '-d', 'ALL', o.queue], o.signal);
  } finally {
    clearInterval(timer);
  }
  poll();
  const output = (r.stdout + r.stderr).trim();
  const m = /Deleted: (\d+) message/.exec(output);
  return {
    command: r.command,
    ok: r.ok,
    exitCode: r.exitCode,
    output,
    deleted: m ? Number(m[1]) : r.ok ? 0 : undefined,
    aborted: o.signal?.aborted === true,
    failure: r.failure,
  };
}
