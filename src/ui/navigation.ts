import { WALK_STEPS, stepOf } from './steps/index.js';
import type { Nav, StepId, WalkState } from './walk/types.js';

// Where the reducer resolves the navigation the steps ask for (state.nav): marks on the step
// line and the entered step's enter(), read from the registry.

// Position of a step in the numbered walk (-1 for a side step).
function stepIndex(step: StepId): number {
  return WALK_STEPS.findIndex((s) => s.id === step);
}

// The next or previous numbered step, clamped to the walk (from a side step: the first).
export function neighbour(step: StepId, delta: 1 | -1): StepId {
  const i = Math.min(WALK_STEPS.length - 1, Math.max(0, stepIndex(step) + delta));
  return WALK_STEPS[i].id;
}

// Moves to a step: leaving a numbered step forward without finishing it marks it skipped;
// entering a step starts what it needs through its enter().
function move(state: WalkState, nav: Nav): WalkState {
  if (nav.plain) return { ...state, step: nav.to };
  const to = stepOf(nav.to);
  if (nav.to === state.step && !nav.params) return state;
  const marks = { ...state.marks };
  const from = state.step;
  if (stepIndex(from) >= 0 && stepIndex(nav.to) > stepIndex(from) && marks[from] !== 'done') marks[from] = 'skipped';
  if (to.side || marks[nav.to] === 'todo' || marks[nav.to] === 'skipped') marks[nav.to] = 'visited';
  const moved: WalkState = { ...state, step: nav.to, marks, notice: null };
  return to.enter ? to.enter(moved, { ...nav, from: nav.from ?? from }) : moved;
}

// Follows the navigations a state asks for (an enter() may ask for another) until none is left.
export function resolveNav(state: WalkState): WalkState {
  let s = state;
  for (let hops = 0; s.nav && hops < 8; hops++) {
    const nav: Nav = s.nav;
    s = move({ ...s, nav: null }, nav);
  }
  return s.nav ? { ...s, nav: null } : s;
}
