import type { CliIo } from '../cli/command.js';
import { terminalSafeJson, terminalText } from '../core/terminal-text.js';

// The one way human output and JSON reach stdout and stderr: every chunk is made terminal-safe
// (no raw control byte from a name or a message), and a reader that went away (`| head`) never
// aborts the step: writes after EPIPE are dropped and the work goes on to its own exit code.

const RAW = Symbol('spoolrescue.rawWrite');
const broken = new WeakSet<object>();
const watched = new WeakSet<object>();

type Out = CliIo['stdout'];

// Marks a stream closed on its first error (EPIPE, EBADF) instead of letting the error kill the
// process; later writes are dropped. Safe to call more than once.
export function survivePipeClose(stream: NodeJS.WritableStream): void {
  if (watched.has(stream)) return;
  watched.add(stream);
  stream.on('error', () => broken.add(stream));
}

// True once the stream's reader went away.
export function isClosed(stream: NodeJS.WritableStream): boolean {
  return broken.has(stream) || (stream as { destroyed?: boolean }).destroyed === true;
}

function guard(stream: Out, escape: (s: string) => string): Out {
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

// The streams every subcommand writes to: stdout escaped for a terminal (JSON kept exact, with
// its unsafe code points as \u escapes), stderr escaped for a terminal.
export function guardIo(io: CliIo, json: boolean): CliIo {
  return { ...io, stdout: guard(io.stdout, json ? terminalSafeJson : terminalText), stderr: guard(io.stderr, terminalText) };
}

// Writes the tool's own control sequences (progress lines: \r, erase to end of line) past the
// escaping; whatever text goes with them must already be terminalText/terminalLine.
export function writeControl(stream: NodeJS.WritableStream, text: string): void {
  const raw = (stream as unknown as Record<symbol, ((t: string) => boolean) | undefined>)[RAW];
  if (raw) raw(text);
  else if (!isClosed(stream)) stream.write(text);
}
