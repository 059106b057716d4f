import type * as StreamModule from 'node:stream';
import type * as StreamPromisesModule from 'node:stream/promises';
import type * as WorkerThreadsModule from 'node:worker_threads';
import type * as ZlibModule from 'node:zlib';

// Node's modules that a run of a command may not need, loaded on first use the way
// childProcess() (child-process.ts) loads its own. Imported, they loaded with the hotspots command
// before its scan began (measured alone: worker_threads 2.0 ms, stream 1.0 ms), though a tree of
// small directories starts no worker thread and only `--export FILE` writes a stream. A require()
// call, not an import, is what the bundler leaves lazy.
let workers: typeof WorkerThreadsModule | undefined;
let gzip: typeof ZlibModule | undefined;
let streams: { stream: typeof StreamModule; promises: typeof StreamPromisesModule } | undefined;

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
