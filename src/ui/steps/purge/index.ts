import { SHARED_KEYS, namedKey, scopedTo } from '../../keys.js';
import { sliceRunning, stopSlice } from '../../walk/tasks.js';
import type { Step } from '../../walk/step.js';
import { destroying, enterPurge, initialPurge, purgeCommand, purgeConfirmed, purgeResult } from './state.js';
import { PurgeScreen } from './view.js';

const LONG = ['plan', 'run'] as const;

// Step 5, Purge/Truncate: the plan first, the typed name, progress with abort, the verification.
export const purgeStep: Step<'purge'> = {
  id: 'purge',
  label: 'Purge/Truncate',
  short: 'Purge',
  helpTitle: 'Purge / truncate',
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
    { command: 'open', keys: [namedKey('return')], keyLabel: 'Enter/p', bar: 'purge', help: 'purge or truncate: asks you to type the name first' },
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
};
