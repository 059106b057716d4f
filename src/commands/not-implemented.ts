import { CliError } from '../core/cli-error.js';

// Placeholder run() for a step whose issue has not landed: exit 1 with a plain message.
export function notImplemented(name: string): () => Promise<number> {
  return async () => {
    throw new CliError(`spoolrescue ${name}: not implemented yet`);
  };
}
