import { helpLineCount, type Command } from '../keys.js';
import { bodyRows } from '../layout.js';
import { moveCursor } from './cursor.js';
import type { Action, ResultAction } from './requests.js';
import { disksCommand, disksResult } from './disks.js';
import { actionsChosen, hotspotsCommand, hotspotsResult } from './hotspots.js';
import { insideClosed, insideCommand, insideGoto, insideResult } from './inside.js';
import { evidenceChosen, evidenceCommand, evidenceResult, incidentPathTyped } from './evidence.js';
import { destroying, purgeCommand, purgeConfirmed, purgeResult } from './purge.js';
import { forwardTyped, preventConfirmed, summaryCommand, summaryResult } from './summary.js';
import { openWhy, whyCommand, whyResult } from './why.js';
import { anyRunning } from './scopes.js';
import { isKeyRun, keyToAction, splitKeys } from './key-action.js';
import { ask, isRunning } from './tasks.js';
import type { ReducerEnv, Task, WalkState } from './types.js';
import { STEPS, goTo, neighbour } from './walk.js';

// The walk's one reducer: keys arrive as commands, results as actions with tokens; side effects
// leave only as requests (state.requests) for the runner. Pure: same state and action, same result.

const STEP_KEYS: Partial<Record<Command, number>> = { gotoStep1: 0, gotoStep2: 1, gotoStep3: 2, gotoStep4: 3, gotoStep5: 4, gotoStep6: 5 };

function allTasks(s: WalkState): Task<unknown, unknown>[] {
  return [s.hotspots.scan, s.inside.count, s.inside.oldestNewest, s.evidence.capture, s.purge.plan, s.purge.run, s.why.pass];
}

// Asks the runner to stop every long task (Ctrl-C, quit); each screen shows "stopping".
function stopEverything(state: WalkState): WalkState {
  let s = state;
  for (const t of allTasks(state)) if (isRunning(t) && !t.stopping) [s] = ask(s, { kind: 'abort', task: t.token });
  const mark = <T, P>(t: Task<T, P>): Task<T, P> => (t.status === 'running' ? { ...t, stopping: true } : t);
  return {
    ...s,
    hotspots: { ...s.hotspots, scan: mark(s.hotspots.scan) },
    inside: { ...s.inside, count: mark(s.inside.count), oldestNewest: mark(s.inside.oldestNewest) },
    evidence: { ...s.evidence, capture: mark(s.evidence.capture) },
    purge: { ...s.purge, plan: mark(s.purge.plan), run: mark(s.purge.run) },
    why: { ...s.why, pass: mark(s.why.pass) },
  };
}

function quit(state: WalkState): WalkState {
  return { ...insideClosed(stopEverything(state)), quit: true, question: null, input: null, menu: null };
}

function interrupt(state: WalkState): WalkState {
  if (state.input) return { ...state, input: null, notice: { tone: 'info', text: 'Cancelled. Nothing was changed.' } };
  if (state.question || state.menu || state.helpOpen) return { ...state, question: null, menu: null, helpOpen: false };
  const unstopped = allTasks(state).some((t) => isRunning(t) && !t.stopping);
  if (unstopped) return { ...stopEverything(state), notice: { tone: 'warn', text: 'Stopping cleanly... (Ctrl-C again to quit)' } };
  return quit(state);
}

function stepCommand(state: WalkState, command: Command, env: ReducerEnv): WalkState | undefined {
  switch (state.step) {
    case 'disks':
      return disksCommand(state, command);
    case 'hotspots':
      return hotspotsCommand(state, command, env.show);
    case 'inside':
      return insideCommand(state, command);
    case 'evidence':
      return evidenceCommand(state, command);
    case 'purge':
      return purgeCommand(state, command, env);
    case 'summary':
      return summaryCommand(state, command);
    case 'why':
      return whyCommand(state, command);
  }
}

function onCommand(prev: WalkState, command: Command, env: ReducerEnv): WalkState {
  if (command === 'interrupt') return interrupt(prev);
  const state = prev.notice ? { ...prev, notice: null } : prev;
  if (state.question) return command === 'yes' ? quit(state) : { ...state, question: null };
  if (state.input) return command === 'cancel' ? { ...state, input: null, notice: { tone: 'info', text: 'Cancelled. Nothing was changed.' } } : state;
  if (state.helpOpen) {
    if (command === 'help' || command === 'cancel') return { ...state, helpOpen: false };
    // One row of the body shows "more below"; the last top shows the last line.
    const page = bodyRows(state.rows) - 1;
    const moved = moveCursor(state.helpTop, command, helpLineCount() - page + 1, page);
    return moved === undefined ? state : { ...state, helpTop: moved };
  }
  if (state.menu) return command === 'cancel' ? { ...state, menu: null } : state;
  if (command === 'help') return { ...state, helpOpen: true, helpTop: 0 };
  if (command === 'quit') {
    if (destroying(state)) return { ...state, question: { purpose: 'quit-while-running', question: 'A purge or truncate is running. Stop it cleanly and quit? (y/N)' } };
    return quit(state);
  }
  if (command === 'nextStep' || command === 'prevStep') return goTo(state, neighbour(state.step, command === 'nextStep' ? 1 : -1));
  if (command === 'why') return openWhy(state, [], state.step);
  const n = STEP_KEYS[command];
  if (n !== undefined) return goTo(state, STEPS[n].id);
  return stepCommand(state, command, env) ?? state;
}

function onSubmit(state: WalkState, env: ReducerEnv): WalkState {
  const input = state.input;
  if (!input) return state;
  const s = { ...state, input: null };
  switch (input.purpose) {
    case 'incident-path':
      return incidentPathTyped(s, input.buffer);
    case 'goto':
      return insideGoto(s, input.buffer, env);
    case 'confirm-purge':
    case 'confirm-truncate':
      return purgeConfirmed(s, input.purpose, input.buffer, input.expected ?? '');
    case 'confirm-prevent':
      return preventConfirmed(s, input.buffer, input.expected ?? '');
    case 'forward-root-to':
      return forwardTyped(s, input.buffer);
  }
}

function onResult(state: WalkState, action: ResultAction, env: ReducerEnv): WalkState {
  return (
    disksResult(state, action) ??
    hotspotsResult(state, action) ??
    insideResult(state, action) ??
    evidenceResult(state, action) ??
    purgeResult(state, action, env) ??
    summaryResult(state, action) ??
    whyResult(state, action) ??
    state
  );
}

// Builds the reducer for one session (env maps paths for display and typed input).
export function createReducer(env: ReducerEnv): (state: WalkState, action: Action) => WalkState {
  return function reduce(state: WalkState, action: Action): WalkState {
    switch (action.type) {
      case 'key': {
        if (isKeyRun(action.input, action.key)) return splitKeys(action.input).reduce((s, k) => reduce(s, { type: 'key', ...k }), state);
        const meant = keyToAction(state, action.input, action.key);
        return meant ? reduce(state, meant) : state;
      }
      case 'command':
        return onCommand(state, action.command, env);
      case 'typed':
        return state.input ? { ...state, input: { ...state.input, buffer: (state.input.buffer + action.text).slice(0, 4096) } } : state;
      case 'erase':
        return state.input ? { ...state, input: { ...state.input, buffer: [...state.input.buffer].slice(0, -1).join('') } } : state;
      case 'submit':
        return onSubmit(state, env);
      case 'menuSelect':
        if (state.menu) return actionsChosen(state, action.value);
        return state.step === 'evidence' ? evidenceChosen(state, action.value) : state;
      case 'resize':
        return { ...state, columns: action.columns, rows: action.rows };
      case 'requestsTaken':
        return { ...state, requests: state.requests.filter((r) => r.token > action.upTo) };
      case 'stopAll':
        return quit(state);
      default:
        return onResult(state, action, env);
    }
  };
}

// True when the walk has work in flight that quitting would interrupt (for the exit message).
export function busy(state: WalkState): boolean {
  return anyRunning(state);
}
