import type { CommandResult } from '../run-command.js';

// Runs postsuper with queue IDs on stdin (`postsuper -c DIR -d - QUEUE`), in batches so a
// million IDs never sit in one pipe and progress can be shown; postsuper itself removes the
// defer/bounce/trace logs and keeps Postfix's daemons consistent while it runs.

export type PostsuperOp = '-d' | '-h' | '-H' | '-r';

// What every batch did: how many postsuper said it handled, and failures with their command.
export interface PostsuperBatchResult {
  commands: string[];
  done: number;
  failures: string[];
  aborted: boolean;
}

/** IDs per postsuper run. */
export const BATCH = 10_000;
const COUNT = /(?:Deleted|Placed on hold|Released from hold|Requeued):\s*(\d+)\s+message/;

// Runs one op over IDs grouped by queue (postsuper only touches that queue: a reused short ID in
// another queue is left alone).
export async function postsuperBatches(
  configDir: string,
  op: PostsuperOp,
  byQueue: ReadonlyMap<string, readonly string[]>,
  run: (program: string, args: readonly string[], input: string, signal?: AbortSignal) => Promise<CommandResult>,
  onProgress?: (done: number) => void,
  signal?: AbortSignal,
): Promise<PostsuperBatchResult> {
  const out: PostsuperBatchResult = { commands: [], done: 0, failures: [], aborted: false };
  for (const [queue, ids] of byQueue) {
    for (let i = 0; i < ids.length; i += BATCH) {
      if (signal?.aborted) {
        out.aborted = true;
        return out;
      }
      const chunk = ids.slice(i, i + BATCH);
      const args = ['-c', configDir, op, '-', queue];
      const r = await run('postsuper', args, chunk.join('\n') + '\n', signal);
      out.commands.push(`${r.command} < ${chunk.length} IDs`);
      const m = COUNT.exec(r.stdout + r.stderr);
      out.done += m ? Number(m[1]) : 0;
      if (!r.ok) out.failures.push(r.failure ?? `${r.command}: failed`);
      onProgress?.(out.done);
    }
  }
  return out;
}
