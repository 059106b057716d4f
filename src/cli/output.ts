import type { CliIo } from './command.js';
import { terminalSafeJson } from '../core/text/terminal-text.js';

// Writes the one JSON document `--json` promises on stdout.
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(terminalSafeJson(JSON.stringify(value, null, 2)) + '\n');
}

// Writes a line to stdout (human output).
export function writeLine(io: CliIo, line = ''): void {
  io.stdout.write(line + '\n');
}

// Writes a message for the operator on stderr (warnings, progress summaries).
export function note(io: CliIo, line: string): void {
  io.stderr.write(line + '\n');
}
