import type { Command, InkKey } from '../keys.js';

// Side effects the reducer asks for, as data: the runner performs them through the handlers the
// steps register (Step.effects) and answers with actions carrying the same token. Tests read
// them without running anything. Each step adds its request kinds to RequestMap from its own
// folder (declaration merging): what it sends, what comes back, what it reports while running.

// One request kind: its fields, its answer, its progress (never when it reports none).
export interface RequestSpec<Fields, Result, Progress = never> {
  fields: Fields;
  result: Result;
  progress: Progress;
}

// Every request kind of the walk; the runner itself answers 'abort'.
export interface RequestMap {
  abort: RequestSpec<{ task: number }, true>;
}

type Kind = keyof RequestMap;

// A request of one kind, as the reducer sends it.
export type RequestOf<K extends Kind> = { kind: K; token: number } & RequestMap[K]['fields'];

// Any request.
export type Request = { [K in Kind]: RequestOf<K> }[Kind];

// What a request kind answers with.
export type ResultOf<K extends Kind> = RequestMap[K]['result'];

// What a long request kind reports while it runs.
export type ProgressOf<K extends Kind> = RequestMap[K]['progress'];

// A finished request, typed by kind.
type DoneAction = { [K in Kind]: { type: 'done'; kind: K; token: number; value: ResultOf<K>; atMs: number } }[Kind];

// A progress report, typed by kind.
type ProgressAction = { [K in Kind]: [ProgressOf<K>] extends [never] ? never : { type: 'progress'; kind: K; token: number; progress: ProgressOf<K> } }[Kind];

// A request that failed (the error is one line for the operator).
type FailedAction = { type: 'failed'; kind: Kind; token: number; error: string; atMs: number };
// A request stopped by the operator (Esc, Ctrl-C) before it finished.
type AbortedAction = { type: 'aborted'; kind: Kind; token: number; atMs: number };

// Every answer of the runner.
export type ResultAction = DoneAction | ProgressAction | FailedAction | AbortedAction;

// Everything the reducer handles.
export type Action =
  | { type: 'key'; input: string; key: InkKey }
  | { type: 'command'; command: Command }
  | { type: 'typed'; text: string }
  | { type: 'erase' }
  | { type: 'submit' }
  | { type: 'menuSelect'; value: string }
  | { type: 'resize'; columns: number; rows: number }
  | { type: 'requestsTaken'; upTo: number }
  | { type: 'stopAll' }
  | ResultAction;
