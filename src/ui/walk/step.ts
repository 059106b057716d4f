import type { ComponentType } from 'react';
import type { Binding, Command } from '../keys.js';
import type { Ports } from '../ports/index.js';
import type { ProgressOf, RequestMap, RequestOf, ResultAction, ResultOf } from './requests.js';
import type { Nav, ReducerEnv, StepId, StepStates, TextInput, WalkState } from './types.js';

// What a step of the walk is: its place on the step line, its slice of the state, how it reacts
// to keys and answers, the side effects it performs, and its screen. The registry
// (steps/index.ts) lists them; the reducer, the keymap, the help, the step line and the runner
// read only the registry.

// What a step's screen is drawn from.
interface StepViewProps {
  state: WalkState;
  width: number;
  height: number;
  show(hostPath: string): string;
}

// What a side effect gets: the signal that stops it and where its progress goes.
interface EffectContext<P> {
  signal: AbortSignal;
  progress(p: P): void;
}

// The side effects of a step, by request kind; a handler returning nothing is fire-and-forget.
export type Handlers = { [K in keyof RequestMap]?: (req: RequestOf<K>, ctx: EffectContext<ProgressOf<K>>) => Promise<ResultOf<K>> | void };

// A step's side effects for one walk (built once per runner, so a step may keep handles).
export interface Effects {
  handlers: Handlers;
  /** The walk ended: close what the handlers keep open. */
  dispose?(): void;
}

// One step.
export interface Step<K extends StepId> {
  id: K;
  label: string;
  /** Label on a narrow step line. */
  short: string;
  /** Title of its section in the full help (default: the label). */
  helpTitle?: string;
  /** A side step is not numbered on the step line; this key opens it (its help and bar words). */
  side?: Omit<Binding, 'command'>;
  /** Its slice of the state before anything happened. */
  initial: StepStates[K];
  /** Asks for what it needs when the walk starts. */
  start?(state: WalkState): WalkState;
  /** Entering it: starts what it needs (a scan, a listing, a plan). */
  enter?(state: WalkState, nav: Nav): WalkState;
  /** Keys on its screen; undefined when the command is not its own. */
  commands(state: WalkState, command: Command, env: ReducerEnv): WalkState | undefined;
  /** Answers of the runner; undefined when the action is not for it. */
  results(state: WalkState, action: ResultAction, env: ReducerEnv): WalkState | undefined;
  /** What typed text means, by the purpose of the prompt it opened. */
  submit?: Record<string, (state: WalkState, typed: string, input: TextInput, env: ReducerEnv) => WalkState>;
  /** A choice of a menu it opened (or of its own choice list). */
  choose?(state: WalkState, value: string): WalkState;
  /** Its screen shows a list the cursor keys move. */
  list?(state: WalkState): boolean;
  /** A long task of it runs (Esc stops it). */
  busy?(state: WalkState): boolean;
  /** Asks its long tasks to stop (Ctrl-C, quit). */
  stop?(state: WalkState): WalkState;
  /** Something irreversible runs (quitting asks first). */
  destroying?(state: WalkState): boolean;
  /** The walk ends: let go of what it holds open. */
  close?(state: WalkState): WalkState;
  /** Its own keys (scoped to its id). */
  bindings: readonly Binding[];
  /** Its side effects against the ports. */
  effects?(ports: Ports): Effects;
  View: ComponentType<StepViewProps>;
}

// Any step of the registry.
export type AnyStep = { [K in StepId]: Step<K> }[StepId];
