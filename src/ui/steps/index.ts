import type { AnyStep } from '../walk/step.js';
import { disksStep } from './disks/index.js';
import { hotspotsStep } from './hotspots/index.js';
import { insideStep } from './inside/index.js';
import { evidenceStep } from './evidence/index.js';
import { purgeStep } from './purge/index.js';
import { summaryStep } from './summary/index.js';
import { whyStep } from './why/index.js';
import { queueStep } from './queue/index.js';
import { planStep } from './plan/index.js';
import { walkText } from '../messages.js';

// The registry of the walk's steps: the one list the reducer, the keymap (the keys that jump to
// steps), the full help, the step line and the effect runner read.
//
// How to add a step (say "queue"):
//   1. Make a folder steps/queue/ with
//      - state.ts: its slice (`declare module '../../walk/types.js' { interface StepStates { queue: QueueState } }`),
//        its request kinds (`interface RequestMap` in walk/requests.js) and command words
//        (`interface StepCommands` in keys.js), and pure functions (state, command) -> state;
//        to move elsewhere it returns go(state, 'other-step') (walk/navigate.ts), never imports
//        another step;
//      - view.tsx: its screen, drawn from the state alone;
//      - index.ts: `export const queueStep: Step<'queue'> = { id, label, short, initial, enter,
//        commands, results, bindings, effects, View }` (walk/step.ts documents every field;
//        effects calls the ports or the ops).
//   2. Add it to STEPS below, at its place in the walk. A step with `side` (like Why) is not
//      numbered: its key opens it and Esc goes back; the others are numbered in this order (the
//      step line, the digit keys and Tab follow it).

// Every step, in the order of the walk.
export const STEPS: readonly AnyStep[] = [disksStep, hotspotsStep, insideStep, evidenceStep, purgeStep, summaryStep, whyStep, queueStep, planStep];

// The numbered steps (the step line, digits, Tab).
export const WALK_STEPS: readonly AnyStep[] = STEPS.filter((s) => !s.side);

// The side steps (opened by their own key, not numbered).
export const SIDE_STEPS: readonly AnyStep[] = STEPS.filter((s) => s.side);

// The step with this id.
export function stepOf(id: string): AnyStep {
  const s = STEPS.find((x) => x.id === id);
  if (!s) throw new Error(walkText().noStep(id));
  return s;
}
