import { STEPS } from './steps/index.js';
import type { StepMark, StepStates, WalkState } from './walk/types.js';

// What the walk starts from: the first step, every step's initial slice, and what the steps ask
// for at once (the df report, the mail paths), in the order of the registry.
export function initialState(opts: { columns: number; rows: number; incidentName: string }): WalkState {
  const slices = Object.fromEntries(STEPS.map((s) => [s.id, s.initial])) as unknown as StepStates;
  const marks = Object.fromEntries(STEPS.map((s, i) => [s.id, i === 0 ? 'visited' : 'todo'])) as Record<keyof StepStates, StepMark>;
  const base: WalkState = {
    ...slices,
    step: STEPS[0].id,
    marks,
    columns: opts.columns,
    rows: opts.rows,
    helpOpen: false,
    helpTop: 0,
    menu: null,
    input: null,
    question: null,
    notice: null,
    target: null,
    incidentFile: null,
    incidentName: opts.incidentName,
    log: [],
    nav: null,
    nextToken: 1,
    requests: [],
    quit: false,
  };
  return STEPS.reduce((s, step) => step.start?.(s) ?? s, base);
}
