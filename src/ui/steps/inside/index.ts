import { SHARED_KEYS, charKey, scopedTo } from '../../keys.js';
import { sliceRunning, stopSlice } from '../../walk/tasks.js';
import type { Step } from '../../walk/step.js';
import { stepWords } from '../step-words.js';
import { insideEffects } from './effects.js';
import { enterInside, initialInside, insideClosed, insideCommand, insideGoto, insideResult } from './state.js';
import { LookInsideScreen } from './view.js';
import { insideText } from './messages.js';

const LONG = ['count', 'oldestNewest'] as const;

// Step 3, Look inside: the first entries at once, paging on, count and oldest/newest on demand.
export const insideStep: Step<'inside'> = stepWords(insideText, {
  id: 'inside',
  initial: initialInside,
  enter: enterInside,
  commands: (s, c) => insideCommand(s, c),
  results: (s, a) => insideResult(s, a),
  submit: { goto: (s, typed, _input, env) => insideGoto(s, typed, env) },
  list: () => true,
  busy: (s) => sliceRunning(s, 'inside', LONG),
  stop: (s) => stopSlice(s, 'inside', LONG),
  close: insideClosed,
  bindings: scopedTo(
    'inside',
    { command: 'count', keys: [charKey('c')], keyLabel: 'c', get bar() { return insideText().countBar; }, get help() { return insideText().countHelp; } },
    { command: 'oldestNewest', keys: [charKey('o')], keyLabel: 'o', get bar() { return insideText().oldestBar; }, get help() { return insideText().oldestHelp; } },
    SHARED_KEYS.goto,
    SHARED_KEYS.evidence,
    SHARED_KEYS.purge,
  ),
  effects: insideEffects,
  View: LookInsideScreen,
});
