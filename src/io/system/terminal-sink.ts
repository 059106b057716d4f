
// The one way human output and JSON reach stdout and stderr: every chunk is made terminal-safe
// (no raw control byte from a name or a message), and a reader that went away (`| head`) never
// aborts the step: writes after EPIPE are dropped and the work goes on to its own exit code.

const RAW = Symbol('spoolrescue.rawWrite');
const broken = new WeakSet<object>();
const watched = new WeakSet<object>();

// A stream as the CLI holds it (a TTY tells its width).
type Out = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

// Marks a stream closed on its first error (EPIPE, EBADF) instead of letting the error kill the
// process; later writes are dropped. Safe to call more than once.
export function survivePipeClose(stream: NodeJS.WritableStream): void {
  if (watched.has(stream)) return;
  watched.add(stream);
  stream.on('error', () => broken.add(stream));
}

// True once the stream's reader went away.
function isClosed(stream: NodeJS.WritableStream): boolean {
  return broken.has(stream) || (stream as { destroyed?: boolean }).destroyed === true;
}

// Wraps a stream so every chunk goes through `escape` and writes after its reader left are dropped.
export function guardStream<S extends Out>(stream: S, escape: (s: string) => string): S {
  survivePipeClose(stream);
  const send = (text: string, cb?: (err?: Error | null) => void): boolean => {
    if (isClosed(stream)) {
      cb?.(null);
      return true;
    }
    return cb ? stream.write(text, cb) : stream.write(text);
  };
  const write = (chunk: string | Uint8Array, enc?: unknown, cb?: unknown): boolean => {
    const done = (typeof enc === 'function' ? enc : cb) as ((err?: Error | null) => void) | undefined;
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return send(escape(text), done);
  };
  return new Proxy(stream, {
    get(target, key) {
      if (key === 'write') return write;
      if (key === RAW) return (text: string) => send(text);
      const v = Reflect.get(target, key, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

// Writes the tool's own control sequences (progress lines: \r, erase to end of line) past the
// escaping; whatever text goes with them must already be terminalText/terminalLine.
export function writeControl(stream: NodeJS.WritableStream, text: string): void {
  const raw = (stream as unknown as Record<symbol, ((t: string) => boolean) | undefined>)[RAW];
  if (raw) raw(text);
  else if (!isClosed(stream)) stream.write(text);
}
