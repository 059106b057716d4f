import { RefusedError } from '../core/cli-error.js';
import type { Refusal } from '../core/refusal.js';

// The CLI's wording of an op's refusal: `spoolrescue <command>: <reason>` with the hint, exit 3.
export function refusalError(command: string, refusal: Refusal): RefusedError {
  return new RefusedError(`spoolrescue ${command}: ${refusal.reason}`, refusal.hint);
}
