import type { Nav, StepId, WalkState } from './types.js';

// What steps use to move on and to keep the record: a navigation is only asked for here (the
// reducer resolves it against the registry), so no step needs to know another.

// Asks to go to a step (with what it is opened with); the reducer moves after this action.
export function go(state: WalkState, to: StepId, params?: Nav['params']): WalkState {
  return { ...state, nav: { to, from: state.step, ...(params ? { params } : {}) } };
}

// Asks to show a step again as it was (no marks, no enter): back from a side step.
export function back(state: WalkState, to: StepId): WalkState {
  return { ...state, nav: { to, plain: true } };
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
