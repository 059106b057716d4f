import type { Request } from './requests.js';

// The walk's shared state: what every step may read (the target, the incident file, the log)
// and the dialogs the reducer runs. Each step adds its own slice to StepStates from its own
// folder (declaration merging), so adding a step never edits this file.

// A step's id: the name of its folder under steps/ and of its slice of the state.
export type StepId = keyof StepStates & string;

// How far the operator got with a step; the step line shows it.
export type StepMark = 'todo' | 'visited' | 'done' | 'skipped';

// Something asynchronous the walk waits for. The token ties a result to the request that asked
// for it, so a late answer about a path the operator has left is ignored.
export type Task<T, P = never> =
  | { status: 'idle' }
  | { status: 'running'; token: number; progress: P | null; stopping: boolean }
  | { status: 'done'; token: number; value: T }
  | { status: 'failed'; token: number; error: string }
  | { status: 'aborted'; token: number };

// The path the operator picked to look inside, capture or purge (host path).
export interface Target {
  path: string;
  kind: 'dir' | 'file';
  /** Mail path tag, e.g. "Postfix maildrop". */
  tag?: string;
}

// A line for the operator under the screen.
export interface Notice {
  text: string;
  tone: 'info' | 'warn' | 'error';
}

// One thing the walk did, for the summary and the incident file.
export interface LogEntry {
  atMs: number;
  text: string;
}

// One entry of a choice list.
export interface Choice {
  label: string;
  value: string;
}

// A modal choice menu (what to do with a picked path); its cursor lives here, the step that
// opened it receives the choice.
export interface Menu {
  title: string;
  items: Choice[];
  cursor: number;
  target: Target;
  /** The step whose choose() gets the picked value. */
  owner: StepId;
}

// A text the operator types: an incident file path, a path to look inside, a confirmation.
// The purpose names the step handler that receives it (Step.submit).
export interface TextInput {
  purpose: string;
  prompt: string;
  buffer: string;
  /** For confirmations: what must be typed. */
  expected?: string;
  /** Shown as a destructive confirmation (DANGER line). */
  danger?: boolean;
  /** Shown as a confirmation that edits the configuration. */
  edits?: boolean;
}

// A yes/no question whose default is no.
interface YesNo {
  purpose: 'quit-while-running';
  question: string;
}

// Where a step asks to go; only the reducer moves (marks, enter), so no step imports another.
export interface Nav {
  to: StepId;
  /** The step the operator came from (a side step goes back there). */
  from?: StepId;
  /** What the step is opened with (its enter() reads it). */
  params?: Record<string, unknown>;
  /** Just show the step again: no marks, no enter (going back from a side step). */
  plain?: boolean;
}

// The slices of the steps, one per step, each added by the step's own state.ts.
export interface StepStates {}

// What every step shares.
interface WalkCommon {
  step: StepId;
  marks: Record<StepId, StepMark>;
  columns: number;
  rows: number;
  helpOpen: boolean;
  /** First line of the full help on screen (it scrolls on short terminals). */
  helpTop: number;
  menu: Menu | null;
  input: TextInput | null;
  question: YesNo | null;
  notice: Notice | null;
  target: Target | null;
  incidentFile: string | null;
  /** File name proposed for a new incident file (host and start time in it). */
  incidentName: string;
  log: LogEntry[];
  /** A navigation a step asked for, resolved by the reducer before the action returns. */
  nav: Nav | null;
  nextToken: number;
  requests: Request[];
  quit: boolean;
}

// The whole walk.
export type WalkState = WalkCommon & StepStates;

// Path mapping the reducer needs (pure string functions from the session, no I/O).
export interface ReducerEnv {
  /** How a host path is shown (its system path under --root). */
  show(hostPath: string): string;
  /** Host path of a path the operator typed. */
  resolve(typed: string): string;
}
