import { SHARED_KEYS, charKey, namedKey, scopedTo } from '../../keys.js';
import { sliceRunning, stopSlice } from '../../walk/tasks.js';
import type { Step } from '../../walk/step.js';
import { destroyingQueue, enterQueue, initialQueue, queueCommand, queueConfirmed, queueMatchTyped, queueResult } from './state.js';
import { queueStepText } from './messages.js';
import { QueueScreen } from './view.js';

const LONG = ['scan', 'review', 'run'] as const;

// Side step "Queue": who filled the Postfix queue (qshape table by a key, verdicts), and a
// reviewed, typed-confirmed hold, delete, release or requeue of the rows marked; opened with t,
// Esc goes back.
export const queueStep: Step<'queue'> = {
  id: 'queue',
  label: 'Queue',
  short: 'Queue',
  helpTitle: 'Queue (triage)',
  side: { keys: [charKey('t')], scopes: ['disks', 'hotspots', 'inside', 'purge'], keyLabel: 't', bar: 'queue', help: 'who filled the Postfix queue: table, verdicts, hold or delete rows (step Queue)' },
  initial: initialQueue,
  enter: enterQueue,
  commands: (s, c) => queueCommand(s, c),
  results: (s, a) => queueResult(s, a),
  submit: { 'confirm-queue': (s, typed, input) => queueConfirmed(s, typed, input.expected ?? ''), 'queue-match': (s, typed) => queueMatchTyped(s, typed) },
  list: () => true,
  busy: (s) => sliceRunning(s, 'queue', LONG),
  stop: (s) => stopSlice(s, 'queue', LONG),
  destroying: destroyingQueue,
  bindings: scopedTo(
    'queue',
    { command: 'queueBy', keys: [charKey('b')], keyLabel: 'b', bar: 'by', help: 'rows by the next key: domain, sender, sender-domain, sasl, client, uid, reason, queue' },
    { command: 'queueMark', keys: [charKey(' ')], keyLabel: 'Space', help: 'mark or unmark the row under the cursor (Enter reviews the marked rows together)' },
    { command: 'queueMatch', keys: [charKey('m')], keyLabel: 'm', bar: queueStepText().matchBar, help: queueStepText().matchHelp },
    { command: 'queueAction', keys: [charKey('x')], keyLabel: 'x', bar: 'action', help: 'the action to review: hold (can be released), delete, release, requeue' },
    { command: 'cancel', keys: [namedKey('escape')], keyLabel: 'Esc', bar: 'back', help: 'stop the reading or the action; back to the table, then to the step you came from' },
    SHARED_KEYS.refresh,
  ),
  effects: (ports) => ({
    handlers: {
      queueScan: (req, { signal, progress }) => ports.queue.scan(req.by, { signal, onProgress: progress }),
      queueReview: (req, { signal, progress }) => ports.queue.review({ by: req.by, keys: req.keys, action: req.action, ...(req.line === undefined ? {} : { line: req.line }) }, { signal, onProgress: progress }),
      queueAct: (req, { signal, progress }) => ports.queue.act(req.review, { signal, onProgress: progress, incidentFile: req.incidentFile }),
    },
  }),
  View: QueueScreen,
};
