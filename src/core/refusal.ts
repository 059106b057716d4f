// A use case that decides not to act returns this instead of throwing: nothing was changed, and
// each front-end words it its own way (the CLI prefixes its command name and exits 3; the walk
// shows the reason and the hint on the step). Reasons never name a command.
export interface Refusal {
  /** Stable kebab-case identifier, for --json and tests (e.g. 'root-directory', 'not-confirmed'). */
  code: string;
  /** What stops the action, as one sentence fragment without a command name. */
  reason: string;
  /** What the operator can do about it, when there is something. */
  hint?: string;
}

// The result shape of an op that refused.
export interface Refused {
  refused: Refusal;
}

// Builds a refusal result, so ops return `refuse('code', reason, hint)` in one line.
export function refuse(code: string, reason: string, hint?: string): Refused {
  return { refused: hint === undefined ? { code, reason } : { code, reason, hint } };
}

// Tells a refusal from any other outcome, whatever the op's result type.
export function isRefused<T extends object>(x: T | Refused): x is Refused {
  return 'refused' in x;
}
