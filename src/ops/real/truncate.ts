import os from 'node:os';
import type { TruncateDeps } from '../truncate.js';

// The real outside world of a truncation, the same for the CLI and the walk.
export function realTruncateDeps(): TruncateDeps {
  return { host: os.hostname(), now: () => new Date() };
}
