import type { FlagSpec, FlagValues, PositionalSpec } from './args.js';
import type { SystemPaths } from '../core/system-paths.js';
import type { TerminalMode } from '../core/text/terminal-mode.js';

// The streams and environment a command talks to; injected so tests run commands in-process.
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

// Options every subcommand accepts (the global options of docs/cli.md).
export interface GlobalOptions {
  root?: string;
  postfixConfig?: string;
  json: boolean;
  serial: boolean;
  ascii: boolean;
  noColor: boolean;
}

// Everything a command needs to run: parsed arguments, the path mapper, I/O and Ctrl-C as a signal.
export interface CommandContext {
  command: string;
  positionals: string[];
  flags: FlagValues;
  global: GlobalOptions;
  terminal: TerminalMode;
  paths: SystemPaths;
  io: CliIo;
  signal: AbortSignal;
}

// A subcommand as data (name, help, options) plus the function that runs it and returns the exit code.
export interface CommandSpec {
  name: string;
  summary: string;
  positionals: PositionalSpec[];
  flags: FlagSpec[];
  /** Extra paragraphs for `spoolrescue <command> --help`. */
  details?: string;
  run(ctx: CommandContext): Promise<number>;
}
