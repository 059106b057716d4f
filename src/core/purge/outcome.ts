import type { Refused } from '../refusal.js';

// A purge or a truncate that could not be done for a reason other than safety (a missing path, a
// broken tool, a bad combination of options) is data too, so both front-ends word it their way:
// the CLI prefixes its command name and exits 1 (or 2 for a bad request), the walk shows it.

// Why the op could not go on; `usage` marks a request that makes no sense (the CLI's exit 2).
interface Failure {
  code: string;
  reason: string;
  hint?: string;
  usage?: boolean;
}

// The result shape of an op that failed before changing anything.
export interface Failed {
  failed: Failure;
}

// Builds a failure result in one line.
export function fail(code: string, reason: string, hint?: string, usage = false): Failed {
  const failed: Failure = { code, reason };
  if (hint !== undefined) failed.hint = hint;
  if (usage) failed.usage = true;
  return { failed };
}

// Carries a refusal or a failure out of a step that cannot return one (a decision taken while a
// lock is held); the op turns it back into data.
export class Halt extends Error {
  constructor(readonly outcome: Refused | Failed) {
    super('refused' in outcome ? outcome.refused.reason : outcome.failed.reason);
    this.name = 'Halt';
  }
}

