import { SHARED_KEYS, namedKey, scopedTo } from '../../keys.js';
import { sliceRunning, stopSlice } from '../../walk/tasks.js';
import type { Step } from '../../walk/step.js';
import { stepWords } from '../step-words.js';
import { destroying, enterPurge, initialPurge, purgeCommand, purgeConfirmed, purgeResult } from './state.js';
import { PurgeScreen } from './view.js';
import { purgeText } from './messages.js';

const LONG = ['plan', 'run'] as const;

// Step 5, Purge/Truncate: the plan first, the typed name, progress with abort, the verification.
export const purgeStep: Step<'purge'> = stepWords(purgeText, {
  id: 'purge',
  initial: initialPurge,
  enter: enterPurge,
  commands: purgeCommand,
  results: purgeResult,
  submit: {
    'confirm-purge': (s, typed, input) => purgeConfirmed(s, input.purpose, typed, input.expected ?? ''),
    'confirm-truncate': (s, typed, input) => purgeConfirmed(s, input.purpose, typed, input.expected ?? ''),
  },
  busy: (s) => sliceRunning(s, 'purge', LONG),
  stop: (s) => stopSlice(s, 'purge', LONG),
  destroying,
  bindings: scopedTo(
    'purge',
    { command: 'open', keys: [namedKey('return')], keyLabel: 'Enter/p', get bar() { return purgeText().openBar; }, get help() { return purgeText().openHelp; } },
    SHARED_KEYS.lookInside,
    SHARED_KEYS.evidence,
    SHARED_KEYS.purge,
  ),
  effects: (ports) => ({
    handlers: {
      purgePlan: (req, { signal, progress }) => ports.purge.plan(req.path, { signal, onProgress: progress, incidentFile: req.incidentFile }),
      purgeExecute: (req, { signal, progress }) => ports.purge.execute(req.review, { signal, onProgress: progress, incidentFile: req.incidentFile }),
      truncatePlan: (req) => ports.truncate.plan(req.path, req.incidentFile),
      truncateExecute: (req, { signal }) => ports.truncate.execute(req.plan, { signal, incidentFile: req.incidentFile }),
    },
  }),
  View: PurgeScreen,
});
