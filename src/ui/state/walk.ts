import type { StepId, WalkState } from './types.js';
import { enterHotspots } from './hotspots.js';
import { enterInside } from './inside.js';
import { enterEvidence } from './evidence.js';
import { enterPurge } from './purge.js';
import { enterSummary } from './summary.js';
import { enterWhy } from './why.js';

// The walk from "disk full" to "mail flows again", in order; labels as the step line shows them.
export const STEPS: readonly { id: StepId; label: string; short: string }[] = [
  { id: 'disks', label: 'Disks', short: 'Disks' },
  { id: 'hotspots', label: 'Hotspots', short: 'Hot' },
  { id: 'inside', label: 'Look inside', short: 'Inside' },
  { id: 'evidence', label: 'Evidence', short: 'Evid' },
  { id: 'purge', label: 'Purge/Truncate', short: 'Purge' },
  { id: 'summary', label: 'Summary', short: 'Sum' },
];

// Position of a step in the walk (0-based).
export function stepIndex(step: StepId): number {
  return STEPS.findIndex((s) => s.id === step);
}

const ENTER: Partial<Record<StepId, (s: WalkState) => WalkState>> = {
  hotspots: enterHotspots,
  inside: enterInside,
  evidence: enterEvidence,
  purge: enterPurge,
  summary: enterSummary,
  why: enterWhy,
};

// Moves to a step: leaving one forward without finishing it marks it skipped; entering a step
// starts what it needs (a scan, a listing, a plan) through its enter function.
export function goTo(state: WalkState, step: StepId): WalkState {
  if (step === state.step) return state;
  const marks = { ...state.marks };
  const from = state.step;
  if (stepIndex(step) > stepIndex(from) && marks[from] !== 'done') marks[from] = 'skipped';
  if (marks[step] === 'todo' || marks[step] === 'skipped') marks[step] = 'visited';
  const moved: WalkState = { ...state, step, marks, notice: null };
  return ENTER[step]?.(moved) ?? moved;
}

// Marks a step finished (the step line shows it done).
export function markDone(state: WalkState, step: StepId): WalkState {
  if (state.marks[step] === 'done') return state;
  return { ...state, marks: { ...state.marks, [step]: 'done' } };
}

// Adds a line to what the walk did (shown in the summary, written to the incident file).
export function logged(state: WalkState, text: string, atMs: number): WalkState {
  const log = [...state.log, { atMs, text }];
  return { ...state, log: log.length > 200 ? log.slice(-200) : log };
}

// The next or previous step, clamped to the walk.
export function neighbour(step: StepId, delta: 1 | -1): StepId {
  const i = Math.min(STEPS.length - 1, Math.max(0, stepIndex(step) + delta));
  return STEPS[i].id;
}
