import { SHARED_KEYS, charKey, namedKey, scopedTo } from '../../keys.js';
import { sliceRunning, stopSlice } from '../../walk/tasks.js';
import type { Step } from '../../walk/step.js';
import { enterWhy, initialWhy, whyCommand, whyResult } from './state.js';
import { WhyScreen } from './view.js';

// Side step "Why": the mail log analysed (storms, abuse, disk full), opened from Disks and
// Hotspots (w) or from the action menu of a mail log; Esc goes back where it was opened.
export const whyStep: Step<'why'> = {
  id: 'why',
  label: 'Why',
  short: 'Why',
  helpTitle: 'Why (mail log)',
  side: { keys: [charKey('w')], scopes: ['disks', 'hotspots'], keyLabel: 'w', bar: 'why', help: 'why the disk filled: analyse the mail log (step Why)' },
  initial: initialWhy,
  enter: enterWhy,
  commands: (s, c) => whyCommand(s, c),
  results: (s, a) => whyResult(s, a),
  list: () => true,
  busy: (s) => sliceRunning(s, 'why', ['pass']),
  stop: (s) => stopSlice(s, 'why', ['pass']),
  bindings: scopedTo(
    'why',
    { command: 'whyDays', keys: [charKey('d')], keyLabel: 'd', bar: 'days', help: 'list the days (Enter: processes and retries of that day)' },
    { command: 'whyIds', keys: [charKey('u')], keyLabel: 'u', bar: 'queue IDs', help: 'list the most retried queue IDs (Enter: attempts per day)' },
    { command: 'whyRecord', keys: [charKey('e')], keyLabel: 'e', bar: 'record', help: "record the analysis in the incident file (none chosen yet: choose it in Evidence)" },
    { command: 'cancel', keys: [namedKey('escape')], keyLabel: 'Esc', bar: 'back', help: 'back to the list, then to the step you came from' },
    SHARED_KEYS.refresh,
  ),
  effects: (ports) => ({
    handlers: {
      maillogLook: (req) => ports.maillog.look(req.files, req.width),
      maillogPass: (req, { signal, progress }) => ports.maillog.pass(req.files, { signal, onProgress: progress }),
      maillogRecord: (req) => ports.maillog.record({ incidentFile: req.incidentFile, force: req.force, pass: req.pass }),
    },
  }),
  View: WhyScreen,
};
