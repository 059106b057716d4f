import { loadDisks } from './disks.js';
import { ask, running } from './tasks.js';
import type { WalkState } from './types.js';
import { initialWhy } from './why.js';

// What the walk starts from: the Disks step, with the df report and the mail paths asked for.
export function initialState(opts: { columns: number; rows: number; incidentName: string }): WalkState {
  const idle = { status: 'idle' } as const;
  const base: WalkState = {
    step: 'disks',
    marks: { disks: 'visited', hotspots: 'todo', inside: 'todo', evidence: 'todo', purge: 'todo', summary: 'todo', why: 'todo' },
    columns: opts.columns,
    rows: opts.rows,
    helpOpen: false,
    helpTop: 0,
    menu: null,
    input: null,
    question: null,
    notice: null,
    target: null,
    incidentFile: null,
    incidentName: opts.incidentName,
    log: [],
    disks: { load: idle, initial: null, cursor: 0 },
    hotspots: { scan: idle, mount: null, scanMount: null, view: 'entries', sort: 'entries', cursor: 0, browsePath: null, focusPath: null, children: idle, mailPaths: idle },
    inside: {
      target: null,
      facts: idle,
      pagerToken: null,
      pages: [],
      firstPageNumber: 0,
      page: 0,
      loading: idle,
      done: false,
      cursor: 0,
      count: idle,
      oldestNewest: idle,
      showOldest: false,
    },
    evidence: { source: null, destinations: idle, showAll: false, destination: null, capture: idle, snapshot: idle, messages: 5 },
    purge: { target: null, plan: idle, run: idle, truncatePlan: idle, truncateRun: idle },
    summary: { after: idle, prevention: idle, cursor: 0, review: idle, applied: idle, fixed: [], recorded: idle, recordedUpTo: 0, closing: idle },
    why: initialWhy,
    nextToken: 1,
    requests: [],
    quit: false,
  };
  const [withMail, token] = ask(loadDisks(base), { kind: 'mailPaths' });
  return { ...withMail, hotspots: { ...withMail.hotspots, mailPaths: running(token) } };
}
