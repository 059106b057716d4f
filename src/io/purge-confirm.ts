import readline from 'node:readline';
import type { CliIo } from '../cli/command.js';

// The typed confirmation before a purge: the operator must type the directory's name; anything
// else, an empty line, end of input or Ctrl-C cancels (the default is always to cancel).
export async function askTypedName(io: CliIo, expected: string, signal?: AbortSignal): Promise<boolean> {
  const rl = readline.createInterface({ input: io.stdin, output: io.stderr, terminal: false });
  try {
    const answer = await new Promise<string | null>((resolve) => {
      const onAbort = () => resolve(null);
      signal?.addEventListener('abort', onAbort, { once: true });
      rl.once('close', () => resolve(null));
      io.stderr.write(`Type the directory's name (${expected}) to purge it; anything else cancels: `);
      rl.once('line', (line) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(line);
      });
    });
    return answer !== null && answer.replace(/\r$/, '') === expected;
  } finally {
    rl.close();
  }
}
