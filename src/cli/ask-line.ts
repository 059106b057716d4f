import type { CliIo } from './command.js';

// Asks one question on stderr and reads one line from stdin (the terminal): used for typed
// confirmations, where anything but the exact answer (or end of input, or Ctrl-C) means No.
export function askLine(io: CliIo, question: string, signal?: AbortSignal): Promise<string | null> {
  io.stderr.write(question);
  return new Promise((resolve) => {
    let buf = '';
    const done = (answer: string | null) => {
      io.stdin.off('data', onData);
      io.stdin.off('end', onEnd);
      signal?.removeEventListener('abort', onEnd);
      io.stdin.pause?.();
      resolve(answer);
    };
    const onData = (d: Buffer | string) => {
      buf += d.toString();
      const nl = buf.indexOf('\n');
      if (nl !== -1) done(buf.slice(0, nl).replace(/\r$/, ''));
    };
    const onEnd = () => done(null);
    io.stdin.on('data', onData);
    io.stdin.once('end', onEnd);
    signal?.addEventListener('abort', onEnd, { once: true });
    io.stdin.resume?.();
  });
}
