import type { CommandSpec } from '../cli/command.js';

// Each subcommand's module, imported only when that command runs, so `df --json` or `--version`
// does not evaluate the code (execa, the walkers, the formatters) of the eight others; and the
// module of its words, which the general help reads its summary from.
const COMMANDS: ReadonlyArray<{ name: string; load: () => Promise<CommandSpec>; words: () => Promise<() => { summary: string }> }> = [
  { name: 'df', load: async () => (await import('./df.js')).command, words: async () => (await import('./messages/df.js')).dfText },
  { name: 'hotspots', load: async () => (await import('./hotspots.js')).command, words: async () => (await import('./messages/hotspots.js')).hotspotsText },
  { name: 'ls', load: async () => (await import('./ls.js')).command, words: async () => (await import('./messages/ls.js')).lsText },
  { name: 'capture', load: async () => (await import('./capture.js')).command, words: async () => (await import('./messages/capture.js')).captureText },
  { name: 'truncate', load: async () => (await import('./truncate.js')).command, words: async () => (await import('./messages/truncate.js')).truncateText },
  { name: 'purge', load: async () => (await import('./purge.js')).command, words: async () => (await import('./messages/purge.js')).purgeText },
  { name: 'queue', load: async () => (await import('./queue.js')).command, words: async () => (await import('./messages/queue.js')).queueText },
  { name: 'maillog', load: async () => (await import('./maillog.js')).command, words: async () => (await import('./messages/maillog.js')).maillogText },
  { name: 'prevent', load: async () => (await import('./prevent.js')).command, words: async () => (await import('./messages/prevent.js')).preventText },
];

// The subcommand called NAME, loaded on demand; undefined when there is no such command.
export async function loadCommand(name: string): Promise<CommandSpec | undefined> {
  return COMMANDS.find((c) => c.name === name)?.load();
}

// Every subcommand, in the order of the rescue (help lists them this way).
export async function loadCommands(): Promise<CommandSpec[]> {
  return Promise.all(COMMANDS.map((c) => c.load()));
}

// Each subcommand's name and summary (in the language spoken when it is read) without loading
// the commands: the general help evaluated all nine of them to print a line of each (~65 ms).
export async function loadCommandSummaries(): Promise<{ name: string; readonly summary: string }[]> {
  return Promise.all(
    COMMANDS.map(async (c) => {
      const words = await c.words();
      return {
        name: c.name,
        get summary() {
          return words().summary;
        },
      };
    }),
  );
}
