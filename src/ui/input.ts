import { useInput } from 'ink';
import type { Action } from './walk/requests.js';

// The walk's one input hook: every key goes to the reducer as it came, and the keymap (read
// against the state the key arrives in) decides what it means for the list, menu, prompt or
// step on screen. Widgets have no input hooks of their own, so one key never means two things.
export function useWalkInput(dispatch: (a: Action) => void): void {
  useInput((input, key) => dispatch({ type: 'key', input, key }));
}
