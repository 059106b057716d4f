import type { CommandResult } from '../system/run-command.js';
import type { CommandFailure } from '../../core/command-failure.js';

// Runs postsuper with queue IDs on stdin (`postsuper -c DIR -d - QUEUE`), in batches so a
// million IDs never sit in one pipe and progress can be shown; postsuper itself removes the
// defer/bounce/trace logs and keeps Postfix's daemons consistent while it runs.

export type PostsuperOp = '-d' | '-h' | '-H' | '-r';

// What every batch did: how many postsuper said it handled, and failures with their command.
export interface PostsuperBatchResult {
  commands: string[];
  done: number;
  failures: CommandFailure[];
  aborted: boolean;
}

/** IDs per postsuper run. */
const BATCH = 10_000;
const COUNT = /(?:Deleted|Placed on hold|Released from hold|Requeued):\s*(\d+)\s+message/;
/** One line per message handled ("postsuper: 4ABC123DEF: released from hold"). */
const PER_ID = /^postsuper: [0-9A-Za-z]+: (?:removed|placed on hold|released from hold|requeued)$/gm;

// Messages a postsuper run handled: its summary line, or (when it died before printing one) its
// per-message lines, so a run that stopped half-way is not reported as having done nothing.
/** @internal unit-tested on its own: test/postfix/queue-triage.test.ts */
export function postsuperDone(output: string): number {
  const m = COUNT.exec(output);
  return m ? Number(m[1]) : (output.match(PER_ID) ?? []).length;
}

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
      out.done += postsuperDone(r.stdout + r.stderr);
      if (!r.ok) {
        out.failures.push(r.failure ?? { code: 'did-not-run', command: r.command, message: 'failed' });
        // a fatal error (log not writable, queue unreadable) would repeat for every batch
        if (/postsuper: fatal:/.test(r.stderr)) {
          onProgress?.(out.done);
          return out;
        }
      }
      onProgress?.(out.done);
    }
  }
  return out;
}
