import { SHARED_KEYS, charKey, namedKey, scopedTo } from '../../keys.js';
import { sliceRunning, stopSlice } from '../../walk/tasks.js';
import type { Step } from '../../walk/step.js';
import { stepWords } from '../step-words.js';
import { destroyingQueue, enterQueue, initialQueue, queueCommand, queueConfirmed, queueMatchTyped, queueResult } from './state.js';
import { queueStepText } from './messages.js';
import { QueueScreen } from './view.js';

const LONG = ['scan', 'review', 'run'] as const;

// Side step "Queue": who filled the Postfix queue (qshape table by a key, verdicts), and a
// reviewed, typed-confirmed hold, delete, release or requeue of the rows marked; opened with t,
// Esc goes back.
export const queueStep: Step<'queue'> = stepWords(queueStepText, {
  id: 'queue',
  side: { keys: [charKey('t')], scopes: ['disks', 'hotspots', 'inside', 'purge'], keyLabel: 't', get bar() { return queueStepText().openBar; }, get help() { return queueStepText().openHelp; } },
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
    { command: 'queueBy', keys: [charKey('b')], keyLabel: 'b', get bar() { return queueStepText().byBar; }, get help() { return queueStepText().byHelp; } },
    { command: 'queueMark', keys: [charKey(' ')], keyLabel: 'Space', get help() { return queueStepText().markHelp; } },
    // words made when the help is drawn (the language is set after this module loads)
    { command: 'queueMatch', keys: [charKey('m')], keyLabel: 'm', get bar() { return queueStepText().matchBar; }, get help() { return queueStepText().matchHelp; } },
    { command: 'queueAction', keys: [charKey('x')], keyLabel: 'x', get bar() { return queueStepText().actionBar; }, get help() { return queueStepText().actionHelp; } },
    { command: 'cancel', keys: [namedKey('escape')], keyLabel: 'Esc', get bar() { return queueStepText().backBar; }, get help() { return queueStepText().backHelp; } },
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
});
