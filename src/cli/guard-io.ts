import { terminalSafeJson, terminalText } from '../core/text/terminal-text.js';
import { guardStream } from '../io/system/terminal-sink.js';
import type { CliIo } from './command.js';

// The streams every subcommand writes to: stdout escaped for a terminal (JSON kept exact, with
// its unsafe code points as \u escapes), stderr escaped for a terminal; a reader that went away
// (`| head`) never aborts the step.
export function guardIo(io: CliIo, json: boolean): CliIo {
  // stdin stays a getter: opening it costs ~4 ms CPU that the commands which never read it skip
  return {
    env: io.env,
    cwd: io.cwd,
    stdout: guardStream(io.stdout, json ? terminalSafeJson : terminalText),
    stderr: guardStream(io.stderr, terminalText),
    get stdin() {
      return io.stdin;
    },
  };
}
