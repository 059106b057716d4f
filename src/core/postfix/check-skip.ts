import type { Language } from '../i18n/speak.js';
import { wordFact } from '../i18n/word-fact.js';
import { checkSkipText } from './check-skip-messages.js';
import type { Why } from '../command-failure.js';

// Why `postfix check` did not run after a purge or a queue action: facts, worded when shown (the
// run's language on screens, English in --json's `postfixCheck.skipped`).
export type CheckSkip =
  | { code: 'not-installed' }
  | { code: 'no-main-cf'; configDir: string }
  | { code: 'postconf-no-queue'; why: Why }
  | { code: 'other-queue'; seen: string; queue: string }
  | { code: 'not-a-queue' };

// Why postfix check did not run, in the run's language unless one is named ('en' for --json).
export function checkSkipWords(s: CheckSkip, language?: Language): string {
  return wordFact(checkSkipText(language), s);
}
