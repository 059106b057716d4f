import type { CliIo } from './command.js';
import { askLine } from './ask-line.js';

// The typed confirmation before anything is destroyed or changed (purge, truncate, prevent,
// queue actions): the operator must type `expected`; anything else, an empty line, end of input
// or Ctrl-C means No (the default is always to cancel).
export async function confirmTyped(io: CliIo, question: string, expected: string, signal?: AbortSignal): Promise<boolean> {
  const answer = await askLine(io, question, signal);
  return answer !== null && answer.trim() === expected;
}
