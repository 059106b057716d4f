import type { Language } from '../i18n/speak.js';
import { wordFact } from '../i18n/word-fact.js';
import { walkSkipText } from './walk-skip-messages.js';

// Why a walk did not enter a directory and left it as it is, as facts (the errno code where one
// says why): worded when shown in the run's language, and in English in the purge's JSON.
export type WalkSkip =
  | { code: 'symlink-or-not-dir' | 'changed' | 'mount-point' }
  | { code: 'cannot-open' | 'cannot-read'; why: string }
  | { code: 'vanished'; errno: string | undefined };

// The reason in words: the run's language unless one is named ('en' for JSON).
export function walkSkipWords(s: WalkSkip, language?: Language): string {
  return wordFact(walkSkipText(language), s);
}
