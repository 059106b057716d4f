import type { Scope } from './keys.js';
import { stepOf } from './steps/index.js';
import type { WalkState } from './walk/types.js';

// Which keymap scopes are live, most specific first: a dialog or text input takes every key,
// the help its own; otherwise a running task adds "stop", then the step's own keys, the list keys
// when its screen (or the open menu) shows a list, the keys of every screen, and the step keys.
// Digits are step keys everywhere a list or menu is (one rule: they never pick an entry).
export function activeScopes(state: WalkState): Scope[] {
  if (state.question) return ['dialog'];
  if (state.input) return ['dialog'];
  if (state.helpOpen) return ['help'];
  if (state.menu) return ['menu', 'list', 'global', 'steps'];
  const step = stepOf(state.step);
  const scopes: Scope[] = [];
  if (step.busy?.(state)) scopes.push('running');
  scopes.push(state.step);
  if (step.list?.(state)) scopes.push('list');
  scopes.push('global', 'steps');
  return scopes;
}
