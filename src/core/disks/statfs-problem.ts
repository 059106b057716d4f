import type { Language } from '../i18n/speak.js';
import { wordFact } from '../i18n/word-fact.js';
import { statfsProblemText } from './statfs-problem-messages.js';

// Why statfs gave no figures for a filesystem, as facts (the system's own error message kept as
// it is): worded when shown in the run's language, in English in df --json's flag reason.
export type StatfsProblem =
  | { code: 'timed-out'; ms: number }
  | { code: 'no-answer' | 'not-asked' | 'cancelled' }
  | { code: 'helper-not-started' | 'helper-ended'; why: string }
  | { code: 'failed'; errno?: string; message: string };

// The problem in words: the run's language unless one is named ('en' for --json).
export function statfsProblemWords(p: StatfsProblem, language?: Language): string {
  return wordFact(statfsProblemText(language), p);
}
