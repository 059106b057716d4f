import { helpLineCount } from './keymap.js';
import type { Command } from './keys.js';
import { bodyRows } from './layout.js';
import { jumpTarget, keyToAction, isKeyRun, splitKeys } from './key-action.js';
import { neighbour, resolveNav } from './navigation.js';
import { STEPS, stepOf } from './steps/index.js';
import { moveCursor } from './walk/cursor.js';
import { menuCommand } from './walk/menu.js';
import { erased, typedInto } from './walk/prompt.js';
import type { Action, ResultAction } from './walk/requests.js';
import type { ReducerEnv, WalkState } from './walk/types.js';
import { walkText } from './messages.js';

// The walk's one reducer: keys arrive as commands, results as actions with tokens; side effects
// leave only as requests (state.requests) for the runner; navigation the steps ask for
// (state.nav) is resolved here. Every step is reached through the registry. Pure: same state and
// action, same result.

const cancelled = () => ({ tone: 'info', text: walkText().cancelled }) as const;

// Asks every step to stop its long tasks (Ctrl-C, quit); each screen shows "stopping".
function stopEverything(state: WalkState): WalkState {
  return STEPS.reduce((s, step) => step.stop?.(s) ?? s, state);
}

function quit(state: WalkState): WalkState {
  const closed = STEPS.reduce((s, step) => step.close?.(s) ?? s, stopEverything(state));
  return { ...closed, quit: true, question: null, input: null, menu: null };
}

function interrupt(state: WalkState): WalkState {
  if (state.input) return { ...state, input: null, notice: cancelled() };
  if (state.question || state.menu || state.helpOpen) return { ...state, question: null, menu: null, helpOpen: false };
  const stopped = stopEverything(state);
  // Something was still running unstopped when stopping asked the runner for an abort.
  if (stopped.nextToken !== state.nextToken) return { ...stopped, notice: { tone: 'warn', text: walkText().stopping } };
  return quit(state);
}

// Keys while the modal menu is open: its cursor, Enter picks; a step key, Tab, help or quit
// closes it and goes on as on the screen below; any other key does nothing.
function onMenu(state: WalkState, command: Command): WalkState | undefined {
  const out = menuCommand(state.menu!, command);
  if (out && 'menu' in out) return { ...state, menu: out.menu };
  if (out && 'picked' in out) return choose(state, out.picked);
  if (out) return { ...state, menu: null };
  if (command === 'nextStep' || command === 'prevStep' || command === 'quit' || command === 'help' || jumpTarget(command)) return undefined;
  return state;
}

function choose(state: WalkState, value: string): WalkState {
  const owner = state.menu ? stepOf(state.menu.owner) : stepOf(state.step);
  return owner.choose?.(state, value) ?? { ...state, menu: null };
}

function onCommand(prev: WalkState, command: Command, env: ReducerEnv): WalkState {
  if (command === 'interrupt') return interrupt(prev);
  const state = prev.notice ? { ...prev, notice: null } : prev;
  if (state.question) return command === 'yes' ? quit(state) : { ...state, question: null };
  if (state.input) return command === 'cancel' ? { ...state, input: null, notice: cancelled() } : state;
  if (state.helpOpen) {
    if (command === 'help' || command === 'cancel') return { ...state, helpOpen: false };
    // One row of the body shows "more below"; the last top shows the last line.
    const page = bodyRows(state.rows) - 1;
    const moved = moveCursor(state.helpTop, command, helpLineCount() - page + 1, page);
    return moved === undefined ? state : { ...state, helpTop: moved };
  }
  if (state.menu) {
    const inMenu = onMenu(state, command);
    if (inMenu) return inMenu;
  }
  const s = state.menu ? { ...state, menu: null } : state;
  if (command === 'help') return { ...s, helpOpen: true, helpTop: 0 };
  if (command === 'quit') {
    if (STEPS.some((step) => step.destroying?.(s))) return { ...s, question: { purpose: 'quit-while-running', question: walkText().quitWhileRunning } };
    return quit(s);
  }
  if (command === 'nextStep' || command === 'prevStep') return { ...s, nav: { to: neighbour(s.step, command === 'nextStep' ? 1 : -1), from: s.step } };
  const jump = jumpTarget(command);
  if (jump) return { ...s, nav: { to: jump, from: s.step } };
  return stepOf(s.step).commands(s, command, env) ?? s;
}

function onSubmit(state: WalkState, env: ReducerEnv): WalkState {
  const input = state.input;
  if (!input) return state;
  const s = { ...state, input: null };
  const handler = STEPS.map((step) => step.submit?.[input.purpose]).find(Boolean);
  return handler ? handler(s, input.buffer, input, env) : s;
}

function onResult(state: WalkState, action: ResultAction, env: ReducerEnv): WalkState {
  for (const step of STEPS) {
    const next = step.results(state, action, env);
    if (next) return settledQuestion(next);
  }
  return state;
}

// "Stop it and quit?" is asked only while something destroys: once the purge or truncate has
// ended on its own, the question goes and the screen says so (q then quits at once).
function settledQuestion(state: WalkState): WalkState {
  if (state.question?.purpose !== 'quit-while-running' || STEPS.some((step) => step.destroying?.(state))) return state;
  return { ...state, question: null, notice: state.notice ?? { tone: 'info', text: walkText().ended } };
}

// Builds the reducer for one session (env maps paths for display and typed input).
export function createReducer(env: ReducerEnv): (state: WalkState, action: Action) => WalkState {
  // Every action ends with the navigation it asked for resolved (keys of one read included).
  const resolved = (state: WalkState, action: Action): WalkState => resolveNav(reduce(state, action));
  function reduce(state: WalkState, action: Action): WalkState {
    switch (action.type) {
      case 'key': {
        if (isKeyRun(action.input, action.key)) return splitKeys(action.input).reduce((s, k) => resolved(s, { type: 'key', ...k }), state);
        const meant = keyToAction(state, action.input, action.key);
        return meant ? reduce(state, meant) : state;
      }
      case 'command':
        return onCommand(state, action.command, env);
      case 'typed':
        return state.input ? { ...state, input: typedInto(state.input, action.text) } : state;
      case 'erase':
        return state.input ? { ...state, input: erased(state.input) } : state;
      case 'submit':
        return onSubmit(state, env);
      case 'menuSelect':
        return choose(state, action.value);
      case 'resize':
        return { ...state, columns: action.columns, rows: action.rows };
      case 'requestsTaken':
        return { ...state, requests: state.requests.filter((r) => r.token > action.upTo) };
      case 'stopAll':
        return quit(state);
      default:
        return onResult(state, action, env);
    }
  }
  return resolved;
}
