import { SHARED_KEYS, charKey, namedKey, scopedTo } from '../../keys.js';
import { sliceRunning, stopSlice } from '../../walk/tasks.js';
import type { Step } from '../../walk/step.js';
import { stepWords } from '../step-words.js';
import { enterPlan, initialPlan, planCommand, planResult, testAddressTyped } from './state.js';
import { PlanScreen } from './view.js';
import { planText } from './plan-messages.js';

const LONG = ['capture', 'mailflow'] as const;

// Side step "Plan": the short rescue proposed on the Disks screen (P), followed with Enter.
export const planStep: Step<'plan'> = stepWords(planText, {
  id: 'plan',
  side: { keys: [charKey('P')], scopes: ['disks', 'hotspots', 'inside', 'evidence', 'purge', 'summary'], keyLabel: 'P', get bar() { return planText().openBar; }, get help() { return planText().openHelp; } },
  initial: initialPlan,
  submit: { 'test-address': (s, typed) => testAddressTyped(s, typed) },
  enter: enterPlan,
  commands: (s, c) => planCommand(s, c),
  results: (s, a) => planResult(s, a),
  busy: (s) => sliceRunning(s, 'plan', LONG),
  stop: (s) => stopSlice(s, 'plan', LONG),
  bindings: scopedTo(
    'plan',
    { command: 'open', keys: [namedKey('return')], keyLabel: 'Enter', get bar() { return planText().doBar; }, get help() { return planText().doHelp; } },
    { command: 'planSkip', keys: [charKey('s')], keyLabel: 's', get bar() { return planText().skipBar; }, get help() { return planText().skipHelp; } },
    { command: 'cancel', keys: [namedKey('escape')], keyLabel: 'Esc', get bar() { return planText().leaveBar; }, get help() { return planText().leaveHelp; } },
    SHARED_KEYS.refresh,
  ),
  effects: (ports) => ({
    handlers: {
      planPropose: (req) => ports.plan.propose(req.report, req.fileName, req.preferDevId),
      planCapture: (req, { signal, progress }) => ports.plan.captureAll({ sources: req.sources, incidentFile: req.incidentFile, messages: req.messages, maillogs: req.maillogs }, { signal, onProgress: progress }),
      planMailFlow: (req, { signal }) => ports.plan.mailFlow({ signal, recipient: req.recipient }),
    },
  }),
  View: PlanScreen,
});
