import type { Language } from './i18n/speak.js';
import { wordFact } from './i18n/word-fact.js';
import { commandFailureWords } from './command-failure-messages.js';

/**
 * Why an outside command gave no result, as a fact worded when shown: `command` is the command
 * line (the program alone when it is not installed), `detail` the last line of its stderr.
 */
export type CommandFailure =
  | { code: 'not-installed'; command: string }
  | { code: 'timed-out'; command: string; detail?: string }
  | { code: 'cancelled'; command: string; detail?: string }
  | { code: 'exit'; command: string; exitCode: number; detail?: string }
  | { code: 'did-not-run'; command: string; message: string; detail?: string };

// A command failure in words: the run's language on screens, 'en' where JSON records it.
export function commandFailureText(f: CommandFailure, language?: Language): string {
  return wordFact<CommandFailure>(commandFailureWords(language), f);
}

/** A reason that is either already words (English data) or a command failure still to word. */
export type Why = string | CommandFailure;

// A reason in words, for the places that carry either kind (attribute states, Postfix checks).
export function whyText(why: Why, language?: Language): string {
  return typeof why === 'string' ? why : commandFailureText(why, language);
}
