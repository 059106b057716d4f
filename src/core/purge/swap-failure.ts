import type { Language } from '../i18n/speak.js';
import { wordFact } from '../i18n/word-fact.js';
import { differencesWords } from './attr-words.js';
import type { SnapshotDifference } from './snapshot.js';
import { swapFailureText } from './swap-failure-messages.js';
import type { AttrReason } from './attr-reason.js';

// AttrReason an attribute could not be given to a new directory, as facts (io/purge/snapshot.ts).
export type ApplyFailure =
  | { code: 'step-failed'; step: 'open' | 'chown' | 'chmod'; name: string; why: string }
  | { code: 'xattrs-unreadable'; name: string }
  | { code: 'xattrs-not-copied' | 'flags-not-copied'; why: AttrReason | undefined };

// AttrReason the swap for a fresh directory could not be done (DIR was then emptied in place), as facts:
// worded when shown in the run's language, in English in --json's `fallback`.
export type SwapFailure =
  | { code: 'xattrs-unknown' | 'flags-unknown'; why: AttrReason }
  | { code: 'cannot-create' | 'cannot-rename-aside' | 'cannot-rename-into-place'; path: string; why: string }
  | { code: 'changed-while-swapped'; dir: string }
  | { code: 'cannot-rename-new'; why: string; dir: string }
  | { code: 'aside-unknown' }
  | { code: 'not-taken' | 'not-taken-restore'; differences: SnapshotDifference[] }
  | { code: 'not-applied'; failures: ApplyFailure[] };

// One attribute that could not be given, in words (the run's language unless one is named).
function applyFailureWords(f: ApplyFailure, language?: Language): string {
  return wordFact(swapFailureText(language).apply, f);
}

// AttrReason the swap was not done, in words: the differences and attribute failures it holds are
// worded in the same language.
export function swapFailureWords(f: SwapFailure, language?: Language): string {
  const t = swapFailureText(language);
  if ('differences' in f) {
    const differences = differencesWords(f.differences, language).join('; ');
    return f.code === 'not-taken' ? t.notTaken(differences) : t.notTakenRestore(differences);
  }
  if ('failures' in f) return f.failures.map((a) => applyFailureWords(a, language)).join('; ');
  return wordFact(t.facts, f);
}
