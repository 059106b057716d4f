import { checkPositionals, parseArgs } from './args.js';
import type { CliIo, CommandContext, CommandSpec, GlobalOptions } from './command.js';
import { GLOBAL_FLAGS } from './global-flags.js';
import { writeJson } from './output.js';
import { loadCommand, loadCommandSummaries } from '../commands/index.js';
import { CliError, UsageError } from '../core/cli-error.js';
import { ExitCode } from '../core/exit-codes.js';
import { hostSystemPaths } from '../io/paths/root-confine.js';
import { guardIo } from './guard-io.js';
import { terminalLine, terminalText } from '../core/text/terminal-text.js';
import { decideTerminalMode } from '../core/text/terminal-mode.js';
import { VERSION } from '../version.js';
import { isLanguage, LANGUAGES } from '../core/i18n/language.js';
import { speak } from '../core/i18n/speak.js';
import { languageOfRun } from './run-language.js';
import { cliText } from './messages.js';

export interface RunOptions {
  io: CliIo;
  signal?: AbortSignal;
  /** Device behind stdin, for serial-console detection. */
  ttyPath?: string;
  commands?: readonly CommandSpec[];
}

function globalOptions(flags: Record<string, unknown>): GlobalOptions {
  return {
    root: flags.root as string | undefined,
    postfixConfig: flags['postfix-config'] as string | undefined,
    json: flags.json === true,
    serial: flags.serial === true,
    ascii: flags.ascii === true,
    noColor: flags['no-color'] === true,
  };
}

function reportError(io: CliIo, err: unknown, json: boolean, where: string): number {
  if (err instanceof CliError) {
    const hint = err.hint ?? (err instanceof UsageError ? cliText().tryHelp(where) : undefined);
    // Every error line names the command it comes from, as the cores' messages do not.
    const line = err.message.startsWith('spoolrescue') ? err.message : `${where}: ${err.message}`;
    io.stderr.write(`${terminalLine(line)}\n`);
    if (hint) io.stderr.write(`${terminalText(hint)}\n`);
    if (json) writeJson(io, { error: { message: err.message, exitCode: err.exitCode, hint: hint ?? null } });
    return err.exitCode;
  }
  const e = err as NodeJS.ErrnoException;
  const message = cliText().unexpected(e?.message ?? String(err));
  io.stderr.write(`${terminalLine(message)}\n`);
  if (io.env.SPOOLRESCUE_DEBUG && e?.stack) io.stderr.write(`${e.stack}\n`);
  else io.stderr.write(`${cliText().nothingMoreDone}\n`);
  if (json) writeJson(io, { error: { message, exitCode: ExitCode.failed, hint: null } });
  return ExitCode.failed;
}

// Runs the CLI in-process: argv (without node and script) to exit code. Never throws.
// The command a command line names, read as runCli reads it (undefined when it names none or does
// not parse): the entry starts what that command will need early (the scan process of hotspots).
export function commandNameOf(argv: readonly string[]): string | undefined {
  try {
    return parseArgs(argv, GLOBAL_FLAGS, 'spoolrescue', true).rest[0];
  } catch {
    return undefined;
  }
}

export async function runCli(argv: readonly string[], opts: RunOptions): Promise<number> {
  const rawIo = opts.io;
  // Every subcommand writes through the escaping, pipe-tolerant sink (the walk draws its own frames).
  let io = guardIo(rawIo, argv.includes('--json'));
  const signal = opts.signal ?? new AbortController().signal;
  let json = argv.includes('--json');
  let where = 'spoolrescue';
  // The one place the language is set, decided before the command line is parsed so that its
  // usage errors are worded in the operator's language too.
  const language = languageOfRun(argv, rawIo, opts.ttyPath);
  speak(language.language);
  try {
    const head = parseArgs(argv, GLOBAL_FLAGS, 'spoolrescue', true);
    const [name, ...tail] = head.rest;
    // only the command that runs is loaded (start-up time), unless tests pass their own list
    const spec = name === undefined ? undefined : opts.commands ? opts.commands.find((c) => c.name === name) : await loadCommand(name);
    if (name !== undefined && !spec) {
      throw new UsageError(cliText().unknownCommand(name), cliText().listCommands);
    }
    if (spec) where = `spoolrescue ${spec.name}`;
    const parsed = spec ? parseArgs(tail, [...GLOBAL_FLAGS, ...spec.flags], where) : { positionals: [], flags: {} };
    const flags = { ...head.flags, ...parsed.flags };
    json = flags.json === true;
    io = guardIo(rawIo, json);
    const global = globalOptions(flags);
    const terminal = decideTerminalMode({
      serialFlag: global.serial,
      asciiFlag: global.ascii,
      noColorFlag: global.noColor,
      env: io.env,
      ttyPath: opts.ttyPath,
      isTTY: io.stdout.isTTY === true,
    });
    const lang = flags.lang as string | undefined;
    if (lang !== undefined && !isLanguage(lang)) {
      throw new UsageError(cliText().badLang(where, LANGUAGES.join(', '), lang));
    }
    if (language.warning && !json) io.stderr.write(`${where}: ${language.warning}\n`);
    if (flags.help) {
      // loaded only for --help: its text fitting is more than every other start needs
      const { commandHelp, generalHelp } = await import('./help.js');
      io.stdout.write(spec ? commandHelp(spec) : generalHelp(opts.commands ?? (await loadCommandSummaries())));
      return ExitCode.done;
    }
    if (flags.version) {
      io.stdout.write(`spoolrescue ${VERSION}\n`);
      return ExitCode.done;
    }
    const ctx: CommandContext = {
      command: spec?.name ?? '',
      positionals: parsed.positionals,
      flags,
      global,
      terminal,
      paths: hostSystemPaths(global.root, io.cwd),
      io,
      signal,
    };
    if (!spec) {
      if (!io.stdout.isTTY || !io.stdin.isTTY || io.env.TERM === 'dumb') {
        throw new UsageError(cliText().walkNeedsTty, cliText().walkUseCommands);
      }
      const { runTui } = await import('../ui/run-tui.js');
      return await runTui({ ...ctx, io: rawIo });
    }
    checkPositionals(parsed.positionals, spec.positionals, where);
    return await spec.run(ctx);
  } catch (err) {
    return reportError(io, err, json, where);
  }
}
