import { QUEUE_NAMES, type QueueName } from './message.js';
import { isQueueId } from './queue-id.js';

// One line of an --ids-from list: a `queue --list` / `postqueue -j` JSON object (queue_name and
// queue_id), "QUEUE ID" (the incident file's list of selected IDs) or a bare queue ID. Only names
// that Postfix could have given a queue file pass: no path, "..", slash or control byte ever
// reaches the filesystem from here.

// What a line names: an ID (with its queue when the line says it), nothing (blank), or not an ID.
export type IdLine = { id: string; queue?: QueueName } | { blank: true } | { bad: true };

const isQueueName = (q: unknown): q is QueueName => typeof q === 'string' && (QUEUE_NAMES as readonly string[]).includes(q);
/** Postfix's long IDs are ~17 characters; anything much longer is not one (and no long path is built). */
const MAX_ID = 64;
const isId = (id: unknown): id is string => typeof id === 'string' && id.length <= MAX_ID && isQueueId(id);

// Reads one line (without its newline); a JSON line must be a whole JSON object.
export function parseIdLine(line: string): IdLine {
  const text = line.trim();
  if (!text || text.startsWith('#')) return { blank: true };
  if (text.startsWith('{')) {
    let o: unknown;
    try {
      o = JSON.parse(text);
    } catch {
      return { bad: true };
    }
    const { queue_name: queue, queue_id: id } = (o ?? {}) as Record<string, unknown>;
    return isId(id) && isQueueName(queue) ? { id, queue } : { bad: true };
  }
  const words = text.split(/[ \t]+/);
  if (words.length === 1) return isId(words[0]) ? { id: words[0] } : { bad: true };
  if (words.length === 2 && isQueueName(words[0]) && isId(words[1])) return { id: words[1], queue: words[0] };
  return { bad: true };
}
