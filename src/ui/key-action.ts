import { commandFor } from './keymap.js';
import { keyNameOf, type Command, type InkKey } from './keys.js';
import { activeScopes } from './scopes.js';
import { WALK_STEPS } from './steps/index.js';
import type { Action } from './walk/requests.js';
import type { StepId, WalkState } from './walk/types.js';

// What a key press means in a state: text while a prompt is open, yes/no in a question, else the
// keymap's command for the active scopes. Decided inside the reducer, against the state the key
// actually arrives in, so several keys in one read (fast typing, a paste) never see a stale screen.

// Ink hands a run of plain characters over as one input ("jj\r"); this is one key of it.
export function splitKeys(input: string): { input: string; key: InkKey }[] {
  return [...input].map((c) => {
    if (c === '\r' || c === '\n') return { input: '', key: { return: true } };
    if (c === '\x7f') return { input: '', key: { delete: true } };
    if (c === '\b') return { input: '', key: { backspace: true } };
    if (c === '\t') return { input: '', key: { tab: true } };
    const code = c.charCodeAt(0);
    if (code >= 1 && code <= 26) return { input: String.fromCharCode(code + 96), key: { ctrl: true } };
    return { input: c, key: /[A-Z]/.test(c) ? { shift: true } : {} };
  });
}

// The action one key means in this state, if any.
export function keyToAction(state: WalkState, input: string, key: InkKey): Action | undefined {
  if (key.ctrl && input === 'c') return { type: 'command', command: 'interrupt' };
  if (state.question) return { type: 'command', command: input === 'y' || input === 'Y' ? 'yes' : 'cancel' };
  if (state.input) {
    const name = keyNameOf(key);
    if (name === 'escape') return { type: 'command', command: 'cancel' };
    if (name === 'return') return { type: 'submit' };
    if (name === 'backspace') return { type: 'erase' };
    if (name || key.ctrl) return undefined;
    return input >= ' ' ? { type: 'typed', text: input } : undefined;
  }
  const command = commandFor(input, key, activeScopes(state));
  return command ? { type: 'command', command } : undefined;
}

// True when Ink delivered several plain keys as one input.
export function isKeyRun(input: string, key: InkKey): boolean {
  return [...input].length > 1 && keyNameOf(key) === undefined && !input.startsWith('\u001b');
}

// The step a jump command goes to (gotoStepN: the Nth numbered step; goto:id: a side step).
export function jumpTarget(command: Command): StepId | undefined {
  const n = /^gotoStep(\d+)$/.exec(command)?.[1];
  if (n) return WALK_STEPS[Number(n) - 1]?.id;
  return command.startsWith('goto:') ? (command.slice(5) as StepId) : undefined;
}
