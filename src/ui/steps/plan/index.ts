import { SHARED_KEYS, charKey, namedKey, scopedTo } from '../../keys.js';
import { sliceRunning, stopSlice } from '../../walk/tasks.js';
import type { Step } from '../../walk/step.js';
import { enterPlan, initialPlan, planCommand, planResult, testAddressTyped } from './state.js';
import { PlanScreen } from './view.js';

const LONG = ['capture', 'mailflow'] as const;

// Side step "Plan": the short rescue proposed on the Disks screen (P), followed with Enter.
export const planStep: Step<'plan'> = {
  id: 'plan',
  label: 'Plan',
  short: 'Plan',
  helpTitle: 'Plan (the short rescue)',
  side: { keys: [charKey('P')], scopes: ['disks', 'hotspots', 'inside', 'evidence', 'purge', 'summary'], keyLabel: 'P', bar: 'plan', help: 'the rescue plan for the flagged filesystem: Enter follows it step by step (step Plan)' },
  initial: initialPlan,
  submit: { 'test-address': (s, typed) => testAddressTyped(s, typed) },
  enter: enterPlan,
  commands: (s, c) => planCommand(s, c),
  results: (s, a) => planResult(s, a),
  busy: (s) => sliceRunning(s, 'plan', LONG),
  stop: (s) => stopSlice(s, 'plan', LONG),
  bindings: scopedTo(
    'plan',
    { command: 'open', keys: [namedKey('return')], keyLabel: 'Enter', bar: 'do this step', help: 'do the step the plan is at (each still shows its review; emptying asks for the typed name)' },
    { command: 'planSkip', keys: [charKey('s')], keyLabel: 's', bar: 'skip', help: 'skip the evidence or the mail flow check' },
    { command: 'cancel', keys: [namedKey('escape')], keyLabel: 'Esc', bar: 'free walk', help: 'leave the plan for the free walk ([ and the digits too; P comes back)' },
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
};
