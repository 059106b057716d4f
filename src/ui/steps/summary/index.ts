import { SHARED_KEYS, namedKey, scopedTo } from '../../keys.js';
import type { Step } from '../../walk/step.js';
import { stepWords } from '../step-words.js';
import { enterSummary, forwardTyped, initialSummary, preventConfirmed, summaryCommand, summaryResult } from './state.js';
import { SummaryScreen } from './view.js';
import { summaryText } from './messages.js';

// Step 6, Summary: what was freed, what the walk did, and what would fill the disk again.
export const summaryStep: Step<'summary'> = stepWords(summaryText, {
  id: 'summary',
  initial: initialSummary,
  enter: enterSummary,
  commands: (s, c) => summaryCommand(s, c),
  results: (s, a) => summaryResult(s, a),
  submit: {
    'confirm-prevent': (s, typed, input) => preventConfirmed(s, typed, input.expected ?? ''),
    'forward-root-to': (s, typed) => forwardTyped(s, typed),
  },
  list: () => true,
  bindings: scopedTo(
    'summary',
    { command: 'open', keys: [namedKey('return')], keyLabel: 'Enter', get bar() { return summaryText().openBar; }, get help() { return summaryText().openHelp; } },
    { command: 'cancel', keys: [namedKey('escape')], keyLabel: 'Esc', get help() { return summaryText().cancelHelp; } },
    SHARED_KEYS.refresh,
  ),
  effects: (ports) => ({
    handlers: {
      prevention: (req) => ports.summary.prevention(req.incidentFile),
      preventPlan: (req) => ports.summary.planFix(req.id, req.forwardRootTo),
      preventApply: (req) => ports.summary.applyFix(req.review, req.incidentFile),
      closing: (req) => ports.summary.closing(req.file, req.fixed),
    },
  }),
  View: SummaryScreen,
});
