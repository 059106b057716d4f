import type { Language } from '../core/i18n/speak.js';
import { wordFact } from '../core/i18n/word-fact.js';
import { commandFailureText, type CommandFailure } from '../core/command-failure.js';
import { queueOpText } from './messages/queue.js';

// What went wrong in a queue action that is the action's own (a file not removed, how many more
// were not, postfix check failing afterwards), as a fact; the system's message inside stays as
// the system wrote it.
type QueueOwnFailure =
  | { code: 'not-removed'; path: string; error: string }
  | { code: 'more-not-removed'; count: number }
  | { code: 'check-failed'; output: string; exitCode?: number | string };

// Everything a queue action reports as failed: its own facts, or a command's (postsuper).
export type QueueFailure = QueueOwnFailure | CommandFailure;

// A failure in words: the run's language on screens, 'en' for --json (as it has always read).
// Every command failure names its command; the action's own failures do not.
export function queueFailureText(f: QueueFailure, language?: Language): string {
  return 'command' in f ? commandFailureText(f, language) : wordFact(queueOpText(language).failures, f);
}
