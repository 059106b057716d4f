import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/command.js';

// In-memory streams for running the CLI in-process; text() returns what was written.
export function memoryIo(opts: { tty?: boolean; env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  const make = () => {
    const s = new PassThrough() as PassThrough & { isTTY?: boolean; columns?: number };
    let buf = '';
    s.on('data', (d) => (buf += d.toString()));
    s.isTTY = opts.tty;
    s.columns = 80;
    return { s, text: () => buf };
  };
  const out = make();
  const err = make();
  const input = new PassThrough() as PassThrough & { isTTY?: boolean };
  input.isTTY = opts.tty;
  const io: CliIo = { stdout: out.s, stderr: err.s, stdin: input, env: { ...opts.env }, cwd: opts.cwd ?? process.cwd() };
  return { io, stdout: out.text, stderr: err.text, stdin: input };
}
