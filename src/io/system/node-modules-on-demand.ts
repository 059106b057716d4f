import type * as ChildProcessModule from 'node:child_process';
import type * as StreamModule from 'node:stream';
import type * as StreamPromisesModule from 'node:stream/promises';
import type * as WorkerThreadsModule from 'node:worker_threads';
import type * as ZlibModule from 'node:zlib';

// Node's modules that a run of a command may not need, each loaded on its first use. A require()
// call, not an import, is what the bundler leaves lazy. Measured when imported instead:
// - node:child_process costs ~15-20 ms of CPU to load (it brings node:net and node:dgram along):
//   commands that may not start any process (`df` when every filesystem is local and main.cf names
//   the queue directory and the mail spool, `--version`) load it on their first spawn;
// - worker_threads (2.0 ms alone) and stream (1.0 ms) loaded with the hotspots command before its
//   scan began, though a tree of small directories starts no worker thread and only
//   `--export FILE` writes a stream.
let spawning: typeof ChildProcessModule | undefined;
let workers: typeof WorkerThreadsModule | undefined;
let gzip: typeof ZlibModule | undefined;
let streams: { stream: typeof StreamModule; promises: typeof StreamPromisesModule } | undefined;

// node:child_process, loaded on first use.
export function childProcess(): typeof ChildProcessModule {
  spawning ??= require('node:child_process') as typeof ChildProcessModule;
  return spawning;
}

// node:worker_threads, loaded on first use.
export function workerThreads(): typeof WorkerThreadsModule {
  workers ??= require('node:worker_threads') as typeof WorkerThreadsModule;
  return workers;
}

// node:zlib, loaded on first use.
export function zlibModule(): typeof ZlibModule {
  gzip ??= require('node:zlib') as typeof ZlibModule;
  return gzip;
}

// node:stream and node:stream/promises, loaded on first use.
export function streamModules(): { stream: typeof StreamModule; promises: typeof StreamPromisesModule } {
  streams ??= { stream: require('node:stream') as typeof StreamModule, promises: require('node:stream/promises') as typeof StreamPromisesModule };
  return streams;
}
