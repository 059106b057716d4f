import fs from 'node:fs';
import path from 'node:path';
import type { SelectedMessage } from '../../core/queue/message.js';
import { queueFilePath } from '../../core/queue/queue-id.js';
import type { HashLayout } from './defer-reasons.js';

// Removes queue files the way postsuper does, for a Postfix that is stopped (or not installed):
// the file itself, then its defer, bounce and trace logs, so no orphan log is left behind.

// What the removal did, with the first errors by path.
export interface RemoveResult {
  removed: number;
  bytesFreed: number;
  logsRemoved: number;
  /** Already gone when their turn came. */
  missing: number;
  errors: { path: string; error: string }[];
  errorCount: number;
  aborted: boolean;
}

const LOGS = ['defer', 'bounce', 'trace'] as const;

// True when a log directory holds anything (an empty or missing bounce/ or trace/ needs no
// unlink attempt per message: the common case, and a third of the work when deleting many).
function hasEntries(dir: string): boolean {
  let d: fs.Dir | undefined;
  try {
    d = fs.opendirSync(dir);
    return d.readSync() !== null;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ENOENT';
  } finally {
    d?.closeSync();
  }
}

function unlinkCounted(file: string, r: RemoveResult): boolean {
  try {
    fs.unlinkSync(file);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    if (code !== 'ENOENT') {
      r.errorCount++;
      if (r.errors.length < 20) r.errors.push({ path: file, error: code });
    }
    return false;
  }
}

// Unlinks each selected message and its logs; reports and yields to the event loop every 512
// files so progress shows and Ctrl-C stops it between files (what is removed stays removed; the rest stays intact).
export async function removeQueueFiles(
  queueDir: string,
  selected: readonly SelectedMessage[],
  hash: HashLayout,
  onProgress?: (done: number, bytes: number) => void,
  signal?: AbortSignal,
): Promise<RemoveResult> {
  const r: RemoveResult = { removed: 0, bytesFreed: 0, logsRemoved: 0, missing: 0, errors: [], errorCount: 0, aborted: false };
  const logs = LOGS.filter((l) => hasEntries(path.join(queueDir, l)));
  // rel and the log paths are built from checked queue IDs: plain concatenation, no per-file normalising
  const base = path.resolve(queueDir) + '/';
  for (let i = 0; i < selected.length; i++) {
    if (signal?.aborted) {
      r.aborted = true;
      break;
    }
    const s = selected[i];
    const file = base + s.rel;
    if (unlinkCounted(file, r)) {
      r.removed++;
      r.bytesFreed += s.bytes;
    } else if (!fs.existsSync(file)) r.missing++;
    for (const log of logs) if (unlinkCounted(base + queueFilePath(log, s.id, hash.hashQueueNames, hash.hashQueueDepth), r)) r.logsRemoved++;
    if ((i & 511) === 511) {
      onProgress?.(i + 1, r.bytesFreed);
      await new Promise((res) => setImmediate(res));
    }
  }
  onProgress?.(r.removed + r.missing, r.bytesFreed);
  return r;
}
