import { ExitCode, type ExitCodeValue } from './exit-codes.js';

// Errors the operator should see as one clear line (never a stack trace), with the exit code to use.
export class CliError extends Error {
  readonly exitCode: ExitCodeValue;
  readonly hint?: string;
  constructor(message: string, exitCode: ExitCodeValue = ExitCode.failed, hint?: string) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.hint = hint;
  }
}

// A bad command line: exit 2, with a pointer to --help.
export class UsageError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.usage, hint);
    this.name = 'UsageError';
  }
}

// The tool refused because going on could lose data: exit 3, nothing was changed.
export class RefusedError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.refused, hint);
    this.name = 'RefusedError';
  }
}
