import { execa } from 'execa';
import { findCommand } from './find-command.js';
import type { CommandFailure } from '../../core/command-failure.js';

// What an outside command did, as data: the operator sees the command line, exit code and stderr.
export interface CommandResult {
  command: string;
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
  ok: boolean;
  /** The program is not installed (nothing was run). */
  notFound: boolean;
  timedOut: boolean;
  /** What failed, as a fact (worded when shown: commandFailureText). */
  failure?: CommandFailure;
}

export interface RunOptions {
  input?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
}

// Runs a program without a shell (no globs, no quoting bugs) and never throws.
export async function runCommand(program: string, args: readonly string[], opts: RunOptions = {}): Promise<CommandResult> {
  const shown = [program, ...args].join(' ');
  const full = program.includes('/') ? program : findCommand(program);
  if (!full) {
    return { command: shown, exitCode: undefined, stdout: '', stderr: '', ok: false, notFound: true, timedOut: false, failure: { code: 'not-installed', command: program } };
  }
  const r = await execa(full, args, {
    reject: false,
    input: opts.input,
    timeout: opts.timeoutMs,
    cancelSignal: opts.signal,
    env: opts.env,
    stripFinalNewline: false,
    encoding: 'utf8',
  });
  const stdout = String(r.stdout ?? '');
  const stderr = String(r.stderr ?? '');
  const ok = r.exitCode === 0 && !r.timedOut && !r.isCanceled;
  let failure: CommandFailure | undefined;
  if (!ok) {
    const detail = stderr.trim().split('\n').slice(-1)[0] || undefined;
    const said = { command: shown, ...(detail ? { detail } : {}) };
    failure = r.timedOut ? { code: 'timed-out', ...said } : r.isCanceled ? { code: 'cancelled', ...said } : r.exitCode === undefined ? { code: 'did-not-run', message: r.shortMessage ?? '', ...said } : { code: 'exit', exitCode: r.exitCode, ...said };
  }
  return { command: shown, exitCode: r.exitCode, stdout, stderr, ok, notFound: false, timedOut: r.timedOut === true, failure };
}
