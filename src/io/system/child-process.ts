import type * as ChildProcessModule from 'node:child_process';

// node:child_process costs ~15-20 ms of CPU to load (it brings node:net and node:dgram along):
// commands that may not start any process (`df` when every filesystem is local and main.cf names
// the queue directory and the mail spool, `--version`) load it on their first spawn, not at start.
// A require() call, not an import, is what the bundler leaves lazy.
let loaded: typeof ChildProcessModule | undefined;

// Node's child_process module, loaded on first use.
export function childProcess(): typeof ChildProcessModule {
  loaded ??= require('node:child_process') as typeof ChildProcessModule;
  return loaded;
}
