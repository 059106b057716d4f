import { once } from 'node:events';

// Writes to stdout with backpressure (a listing of millions of lines into a slow pipe or a 9600
// baud console must not pile up in memory) and survives the reader going away (`| head`):
// after EPIPE further writes are dropped and `broken` tells the producer to stop.
export interface StreamWriter {
  write(text: string): Promise<void>;
  readonly broken: boolean;
  /** Removes the listeners it added. */
  dispose(): void;
}

// Wraps one writable stream.
export function streamWriter(stream: NodeJS.WritableStream): StreamWriter {
  let broken = false;
  const onError = () => {
    broken = true;
  };
  stream.on('error', onError);
  return {
    async write(text) {
      if (broken || text === '') return;
      if (stream.write(text)) return;
      const ac = new AbortController();
      await Promise.race([once(stream, 'drain', { signal: ac.signal }), once(stream, 'error', { signal: ac.signal }), once(stream, 'close', { signal: ac.signal })]).catch(() => undefined);
      ac.abort();
    },
    get broken() {
      return broken;
    },
    dispose() {
      stream.off('error', onError);
    },
  };
}
