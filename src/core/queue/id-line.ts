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
/** The start of a `queue --list` line ({"schemaVersion":N,...) or a postqueue -j line. */
const LIST_HEAD = /^\{(?:"schemaVersion":\d+,)?"queue_name":"([a-z]+)","queue_id":"([0-9A-Za-z]+)"[,}]/;
const isId = (id: unknown): id is string => typeof id === 'string' && id.length <= MAX_ID && isQueueId(id);

// Reads one line (without its newline); a JSON line must be a whole JSON object.
export function parseIdLine(line: string): IdLine {
  const text = line.trim();
  if (!text || text.startsWith('#')) return { blank: true };
  if (text.startsWith('{')) {
    // the --list and postqueue -j lines begin with these two fields: no whole-line parse for them
    const head = LIST_HEAD.exec(text);
    if (head && text.endsWith('}')) return isId(head[2]) && isQueueName(head[1]) ? { id: head[2], queue: head[1] } : { bad: true };
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
