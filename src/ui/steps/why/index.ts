import { SHARED_KEYS, charKey, namedKey, scopedTo } from '../../keys.js';
import { sliceRunning, stopSlice } from '../../walk/tasks.js';
import type { Step } from '../../walk/step.js';
import { stepWords } from '../step-words.js';
import { enterWhy, initialWhy, whyCommand, whyResult } from './state.js';
import { WhyScreen } from './view.js';
import { whyText } from './messages.js';

// Side step "Why": the mail log analysed (storms, abuse, disk full), opened from Disks and
// Hotspots (w) or from the action menu of a mail log; Esc goes back where it was opened.
export const whyStep: Step<'why'> = stepWords(whyText, {
  id: 'why',
  side: { keys: [charKey('w')], scopes: ['disks', 'hotspots'], keyLabel: 'w', get bar() { return whyText().openBar; }, get help() { return whyText().openHelp; } },
  initial: initialWhy,
  enter: enterWhy,
  commands: (s, c) => whyCommand(s, c),
  results: (s, a) => whyResult(s, a),
  list: () => true,
  busy: (s) => sliceRunning(s, 'why', ['pass']),
  stop: (s) => stopSlice(s, 'why', ['pass']),
  bindings: scopedTo(
    'why',
    { command: 'whyDays', keys: [charKey('d')], keyLabel: 'd', get bar() { return whyText().daysBar; }, get help() { return whyText().daysHelp; } },
    { command: 'whyIds', keys: [charKey('u')], keyLabel: 'u', get bar() { return whyText().idsBar; }, get help() { return whyText().idsHelp; } },
    { command: 'whyRecord', keys: [charKey('e')], keyLabel: 'e', get bar() { return whyText().recordBar; }, get help() { return whyText().recordHelp; } },
    { command: 'cancel', keys: [namedKey('escape')], keyLabel: 'Esc', get bar() { return whyText().backBar; }, get help() { return whyText().backHelp; } },
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
});
