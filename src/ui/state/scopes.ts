import type { Scope } from '../keys.js';
import { isRunning } from './tasks.js';
import type { StepId, WalkState } from './types.js';

// Which keymap scopes are live, most specific first: a dialog or text input takes every key,
// a running task adds "stop", and a focused choice list keeps j/k/Enter/digits for itself.

// Long tasks of a step that Esc stops.
export function runningTasks(state: WalkState, step: StepId = state.step): boolean {
  switch (step) {
    case 'hotspots':
      return isRunning(state.hotspots.scan);
    case 'inside':
      return isRunning(state.inside.count) || isRunning(state.inside.oldestNewest);
    case 'evidence':
      return isRunning(state.evidence.capture);
    case 'purge':
      return isRunning(state.purge.run) || isRunning(state.purge.plan);
    case 'why':
      return isRunning(state.why.pass);
    default:
      return false;
  }
}

// True when any step has a long task running (Ctrl-C stops them before it quits).
export function anyRunning(state: WalkState): boolean {
  return (['hotspots', 'inside', 'evidence', 'purge', 'why'] as const).some((s) => runningTasks(state, s));
}

// True when the screen shows an ink-select-input list that owns j/k/Enter/digits.
export function selectFocused(state: WalkState): boolean {
  if (state.menu) return true;
  if (state.step !== 'evidence') return false;
  return state.evidence.destinations.status === 'done' && !isRunning(state.evidence.capture);
}

// The active scopes in lookup order.
export function activeScopes(state: WalkState): Scope[] {
  if (state.question) return ['dialog'];
  if (state.input) return ['dialog'];
  if (state.helpOpen) return ['help'];
  if (state.menu) return ['menu'];
  const scopes: Scope[] = [];
  if (runningTasks(state)) scopes.push('running');
  scopes.push(state.step);
  if (!selectFocused(state) && (state.step === 'disks' || state.step === 'hotspots' || state.step === 'inside' || state.step === 'why' || state.step === 'summary')) scopes.push('list');
  scopes.push('global');
  if (!selectFocused(state)) scopes.push('steps');
  return scopes;
}
