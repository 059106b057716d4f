import { UsageError } from '../cli-error.js';
import { GROUP_KEYS, type GroupKey } from './keys.js';
import { QUEUE_NAMES, type QueueName } from './message.js';
import { queueArgsText } from './args-messages.js';
import { queueIdsText } from './ids-messages.js';
import { isEmptySelection, parseDuration, parseMatch, type Selection } from './selection.js';

// What `queue` can do to the selected messages (postsuper -h, -H, -r, -d).
export type QueueAction = 'hold' | 'release' | 'requeue' | 'delete';

// The flags as the command-line parser hands them over (its FlagValues), by name.
type FlagValues = Readonly<Record<string, string | number | boolean | string[] | undefined>>;

// argv of `spoolrescue queue` to a checked request: queue names, key, selection, action.
export interface ParsedQueueArgs {
  queues: QueueName[];
  by: GroupKey;
  top: number;
  selection: Selection;
  matchTexts: string[];
  action?: QueueAction;
  list: boolean;
  dryRun: boolean;
  yes: boolean;
  sampleSize: number;
  /** --ids-from FILE ('-' is stdin): the selection is that list of queue IDs. */
  idsFrom?: string;
}

const ACTIONS: QueueAction[] = ['hold', 'release', 'requeue', 'delete'];

// Parses and checks the command line; every mistake is a usage error naming what is accepted.
export function parseQueueArgs(f: FlagValues, positionals: readonly string[], where: string): ParsedQueueArgs {
  const queues = positionals.length ? positionals : [...QUEUE_NAMES];
  for (const q of queues) if (!(QUEUE_NAMES as readonly string[]).includes(q)) throw new UsageError(queueArgsText().notAQueue(where, q, QUEUE_NAMES.join(' ')));
  const by = (typeof f.by === 'string' ? f.by : 'domain') as GroupKey;
  if (!GROUP_KEYS.includes(by)) throw new UsageError(queueArgsText().badKey(where, by, GROUP_KEYS.join(', ')));
  const matchTexts = Array.isArray(f.match) ? f.match : [];
  const usage = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      throw new UsageError(`${where}: ${(e as Error).message}`);
    }
  };
  const selection: Selection = {
    matches: matchTexts.map((m) => usage(() => parseMatch(m))),
    olderThanSec: typeof f['older-than'] === 'string' ? usage(() => parseDuration(f['older-than'] as string)) : undefined,
    newerThanSec: typeof f['newer-than'] === 'string' ? usage(() => parseDuration(f['newer-than'] as string)) : undefined,
  };
  const actions = ACTIONS.filter((a) => f[a] === true);
  if (actions.length > 1) throw new UsageError(queueArgsText().oneAction(where, actions.map((a) => `--${a}`).join(', ')));
  const list = f.list === true;
  if (list && actions.length) throw new UsageError(queueArgsText().listOnly(where));
  const idsFrom = typeof f['ids-from'] === 'string' ? f['ids-from'] : undefined;
  if (idsFrom !== undefined && !isEmptySelection(selection)) throw new UsageError(queueIdsText().notWithFilters(where));
  if (idsFrom !== undefined && !actions.length) throw new UsageError(queueIdsText().needsAction(where));
  return {
    queues: [...new Set(queues)] as QueueName[],
    by,
    top: typeof f.top === 'number' ? f.top : 20,
    selection,
    matchTexts,
    action: actions[0],
    list,
    dryRun: f['dry-run'] === true,
    yes: f.yes === true,
    sampleSize: typeof f.sample === 'number' ? f.sample : 5,
    ...(idsFrom !== undefined ? { idsFrom } : {}),
  };
}
