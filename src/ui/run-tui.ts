import type { CommandContext } from '../cli/command.js';
import { CliError } from '../core/cli-error.js';

// Opens the guided walk; loaded lazily so subcommands never pay for React and Ink.
export async function runTui(_ctx: CommandContext): Promise<number> {
  throw new CliError('spoolrescue: the guided walk is not implemented yet; use the subcommands (spoolrescue --help)');
}
