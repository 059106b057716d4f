import type { Language } from '../core/i18n/speak.js';
import { wordFact } from '../core/i18n/word-fact.js';
import { queueOpText } from './messages/queue.js';

// A caution about a queue action, as a code and its figures: the plan's (before anything is read)
// and the action's (what it met); worded when shown, in English in --json.
export type QueueWarning =
  | { code: 'removed-lines' | 'maildrop-hold' | 'prefer-hold' }
  | { code: 'already-gone'; files: number }
  | { code: 'postsuper-logged'; lines: number };

// A warning's words, in the run's language unless one is named ('en' for --json).
export function queueWarningWords(w: QueueWarning, language?: Language): string {
  return wordFact(queueOpText(language).warnings, w);
}

// The warnings as --json has always written them: English sentences.
export function queueWarningsJson(ws: readonly QueueWarning[]): string[] {
  return ws.map((w) => queueWarningWords(w, 'en'));
}
