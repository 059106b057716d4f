import type { Language } from '../i18n/speak.js';
import { wordFact } from '../i18n/word-fact.js';
import { walkStopText } from './walk-stop-messages.js';
import type { CommandFailure } from '../command-failure.js';

// Why a deletion stopped before the end (not an abort), as facts: worded when shown in the run's
// language, and in English as --json's `stoppedBecause`.
export type WalkStop =
  | { code: 'failed-in-a-row'; count: number; last: string | undefined }
  | { code: 'read-failed'; why: string }
  | { code: 'dir-deleted'; dir: string }
  | { code: 'postsuper-failed'; why: CommandFailure | undefined };

// The reason in words: the run's language unless one is named ('en' for --json).
export function walkStopWords(s: WalkStop, language?: Language): string {
  return wordFact(walkStopText(language), s);
}
