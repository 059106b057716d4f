import type { CommandSpec } from '../cli/command.js';

// Each subcommand's module, imported only when that command runs, so `df --json` or `--version`
// does not evaluate the code (execa, the walkers, the formatters) of the eight others.
const LOADERS: ReadonlyArray<readonly [string, () => Promise<CommandSpec>]> = [
  ['df', async () => (await import('./df.js')).command],
  ['hotspots', async () => (await import('./hotspots.js')).command],
  ['ls', async () => (await import('./ls.js')).command],
  ['capture', async () => (await import('./capture.js')).command],
  ['truncate', async () => (await import('./truncate.js')).command],
  ['purge', async () => (await import('./purge.js')).command],
  ['queue', async () => (await import('./queue.js')).command],
  ['maillog', async () => (await import('./maillog.js')).command],
  ['prevent', async () => (await import('./prevent.js')).command],
];

// The subcommand called NAME, loaded on demand; undefined when there is no such command.
export async function loadCommand(name: string): Promise<CommandSpec | undefined> {
  const entry = LOADERS.find(([n]) => n === name);
  return entry ? entry[1]() : undefined;
}

// Every subcommand, in the order of the rescue (help lists them this way).
export async function loadCommands(): Promise<CommandSpec[]> {
  return Promise.all(LOADERS.map(([, load]) => load()));
}
