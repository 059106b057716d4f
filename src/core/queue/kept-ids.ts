import { rowKeys, type GroupKey } from './keys.js';
import type { QueueMessage, QueueName, SelectedMessage } from './message.js';

// The queue files of each row of a scan's table, kept while the queue streams by, so reviewing
// and acting on rows needs no second scan. Compact (one path string and one number per message,
// row lists of indexes) and capped: past `max` messages nothing more is kept and the rows then
// need a scan of their own.
export interface KeptIds {
  by: GroupKey;
  /** Path below the queue directory ("deferred/2/24EB9888E") and bytes of each kept message. */
  paths: string[];
  bytes: number[];
  /** Row key -> indexes into paths, each message once per row. */
  rows: Map<string, number[]>;
  /** False once the cap was reached (some messages are not in the lists). */
  complete: boolean;
  max: number;
}

// An empty list for a table by `by`, keeping at most max messages.
export function newKeptIds(by: GroupKey, max: number): KeptIds {
  return { by, paths: [], bytes: [], rows: new Map(), complete: true, max };
}

// Notes one message under the rows the table counts it in.
export function keepMessage(k: KeptIds, m: QueueMessage): void {
  if (k.paths.length >= k.max) {
    k.complete = false;
    return;
  }
  const at = k.paths.push(m.path) - 1;
  k.bytes.push(m.file_bytes);
  for (const key of rowKeys(m, k.by)) {
    const list = k.rows.get(key);
    if (!list) k.rows.set(key, [at]);
    else if (list[list.length - 1] !== at) list.push(at);
  }
}

// The messages of the given rows (each once), with their bytes and how many of them are also
// counted in a row not given (for the domain key: recipients outside the selection, which the
// action affects too); null when the lists are incomplete.
export function keptSelection(k: KeptIds, keys: readonly string[]): { selected: SelectedMessage[]; bytes: number; beyond: number } | null {
  if (!k.complete) return null;
  const chosen = new Set<number>();
  for (const key of keys) for (const i of k.rows.get(key) ?? []) chosen.add(i);
  const wanted = new Set(keys);
  const beyond = new Set<number>();
  if (k.by === 'domain') {
    for (const [key, list] of k.rows) if (!wanted.has(key)) for (const i of list) if (chosen.has(i)) beyond.add(i);
  }
  const selected: SelectedMessage[] = [];
  let bytes = 0;
  for (const i of [...chosen].sort((a, b) => a - b)) {
    const rel = k.paths[i];
    const slash = rel.lastIndexOf('/');
    selected.push({ queue: rel.slice(0, rel.indexOf('/')) as QueueName, id: rel.slice(slash + 1), rel, bytes: k.bytes[i] });
    bytes += k.bytes[i];
  }
  return { selected, bytes, beyond: beyond.size };
}
