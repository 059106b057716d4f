import type { Language } from '../i18n/speak.js';
import { wordFact } from '../i18n/word-fact.js';
import { applyFactsText } from './apply-facts-messages.js';
import type { CommandFailure } from '../command-failure.js';
import type { AttrReason } from '../purge/attr-reason.js';

// What applying a fix met, as facts: worded when shown (the outcome lines, the incident file) in
// the run's language, in English in prevent --json's `applied` (the same strings as ever).

/** Why Postfix commands may not run for a configuration directory. */
export type PostfixUnsafe = { code: 'no-main-cf'; dir: string } | { code: 'postconf-failed'; failure: CommandFailure | undefined } | { code: 'queue-outside-root'; queue: string; root: string };

/** Why a follow-up command was not run, or what failed when it ran (the command's own failure text). */
export type FollowUpNote =
  | { code: 'not-run-under-root'; command: string }
  | { code: 'not-run'; unsafe: PostfixUnsafe }
  | { code: 'not-run-no-postfix' | 'not-run-not-running' }
  | { code: 'not-run-not-installed'; program: string }
  | { code: 'failed'; failure: CommandFailure };

/** Why an edit was not written (the system's message kept as it is when it failed on the way). */
export type EditError =
  | { code: 'symlink' | 'not-regular' | 'not-utf8' | 'changed-since-plan'; path: string }
  | { code: 'label-not-copied'; path: string; why: AttrReason | undefined }
  | { code: 'failed'; message: string };

/** A configuration file that was not read (the system's message kept as it is when reading failed). */
export type UnreadConfig = { code: 'too-large'; path: string; size: number; limit: number } | { code: 'failed'; path: string; message: string };

// Why a configuration file was not read, in words (the run's language unless one is named).
export function unreadConfigWords(u: UnreadConfig, language?: Language): string {
  return wordFact(applyFactsText(language).unread, u);
}

// A follow-up's note in words: the run's language unless one is named ('en' for --json).
export function followUpNoteWords(n: FollowUpNote, language?: Language): string {
  const t = applyFactsText(language);
  return 'unsafe' in n ? t.notRun(wordFact(t.unsafe, n.unsafe)) : wordFact(t.note, n);
}

// Why an edit was not written, in words.
export function editErrorWords(e: EditError, language?: Language): string {
  return wordFact(applyFactsText(language).edit, e);
}
