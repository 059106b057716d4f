import type { CliIo } from './command.js';
import { terminalSafeJson } from '../core/text/terminal-text.js';
import { SCHEMA_VERSION } from '../core/json-vocabulary.js';

// Writes the one JSON document `--json` promises on stdout, stamped with the vocabulary's version
// (docs/json.md) so every command's document says which vocabulary it speaks.
export function writeJson(io: CliIo, value: object): void {
  io.stdout.write(terminalSafeJson(JSON.stringify({ schemaVersion: SCHEMA_VERSION, ...value }, null, 2)) + '\n');
}

// Writes a line to stdout (human output).
export function writeLine(io: CliIo, line = ''): void {
  io.stdout.write(line + '\n');
}

// Writes a message for the operator on stderr (warnings, progress summaries).
export function note(io: CliIo, line: string): void {
  io.stderr.write(line + '\n');
}
