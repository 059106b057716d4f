import type { Request } from '../walk/requests.js';

// What a task of the walk does to the system, so quitting is quick and still safe: a task that
// only reads (df, the deleted-but-open scan, a statfs that does not answer, a scan, a listing, a
// plan) is stopped and let go; a task that changes things (a purge putting DIR back, a capture
// or a record writing the incident file, a queue action, a fix) is waited for.

// The kinds of task the exit may let go of.
export type TaskKind = 'reads' | 'changes';

// Request kinds that change nothing; every other kind (and every new one until it is listed
// here) counts as a change, so the exit waits for it.
const READS: ReadonlySet<Request['kind']> = new Set<Request['kind']>([
  'loadDisks',
  'mailPaths',
  'scan',
  'children',
  'stat',
  'openPager',
  'nextPage',
  'count',
  'oldestNewest',
  'maillogLook',
  'maillogPass',
  'destinations',
  'purgePlan',
  'truncatePlan',
  'queueScan',
  'queueReview',
  'planPropose',
  'prevention',
  'preventPlan',
]);

// Whether a request only reads or changes something.
export function taskKindOf(kind: Request['kind']): TaskKind {
  return READS.has(kind) ? 'reads' : 'changes';
}
