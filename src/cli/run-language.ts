import type { CliIo } from './command.js';
import { decideLanguage, type LanguageChoice } from '../core/i18n/language.js';
import { decideTerminalMode } from '../core/text/terminal-mode.js';

/** The global options that bear on the language, as typed on the command line. */
interface LanguageArguments {
  /** The value of --lang (--lang ja, --lang=ja), valid or not. */
  lang?: string;
  serial: boolean;
  ascii: boolean;
}

// Reads the options that decide the language from the raw command line, before it is parsed, so
// that even a usage error in it is worded in the operator's language. Options end at `--`.
function languageArguments(argv: readonly string[]): LanguageArguments {
  const end = argv.indexOf('--');
  const options = end === -1 ? argv : argv.slice(0, end);
  const out: LanguageArguments = { serial: options.includes('--serial'), ascii: options.includes('--ascii') };
  options.forEach((token, i) => {
    if (token === '--lang') out.lang = options[i + 1];
    else if (token.startsWith('--lang=')) out.lang = token.slice('--lang='.length);
  });
  return out;
}

// The language of a run, from its command line, environment and terminal; decides, sets nothing.
export function languageOfRun(argv: readonly string[], io: CliIo, ttyPath: string | undefined): LanguageChoice {
  const typed = languageArguments(argv);
  const terminal = decideTerminalMode({
    serialFlag: typed.serial,
    asciiFlag: typed.ascii,
    noColorFlag: true,
    env: io.env,
    ttyPath,
    isTTY: io.stdout.isTTY === true,
  });
  return decideLanguage({ flag: typed.lang, env: io.env, ascii: terminal.ascii });
}
