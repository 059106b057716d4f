import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The bundled CLI the tests run (built by test/global-setup.ts).
export const BUNDLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/spoolrescue.cjs');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (throws with the raw output when it is not). */
  json<T = any>(): T;
}

// With SPOOLRESCUE_EXE=/path/to/spoolrescue-linux-x64, runCli runs that single executable instead,
// with an empty environment like `env -i` (no PATH, so no node): the CI's run without Node.
const EXECUTABLE = process.env.SPOOLRESCUE_EXE;

// Runs the real CLI as a child process (no TTY), with NO_COLOR so output is plain.
export function runCli(args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string; timeoutMs?: number } = {}): CliRun {
  const r = spawnSync(EXECUTABLE ?? process.execPath, EXECUTABLE ? args : [BUNDLE, ...args], {
    cwd: opts.cwd,
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 120_000,
    env: EXECUTABLE ? { NO_COLOR: '1', ...opts.env } : { ...process.env, NO_COLOR: '1', ...opts.env },
    maxBuffer: 256 << 20,
  });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    json<T>(): T {
      try {
        return JSON.parse(r.stdout) as T;
      } catch {
        throw new Error(`stdout is not JSON (exit ${r.status}):\n${r.stdout}\nstderr:\n${r.stderr}`);
      }
    },
  };
}
