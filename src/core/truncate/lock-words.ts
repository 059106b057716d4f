import type { Language } from '../i18n/speak.js';
import { spoolLockText } from './lock-messages.js';

// Which lock a truncation held, as facts: how it was taken, and which writers it keeps out
// (derived from how, named by a code). Worded where shown, and in English for --json.
export type SpoolLockFacts =
  | { method: 'postlock'; postfixConfig: string | null; excludes: 'mailbox-delivery-lock-writers' }
  | { method: 'fcntl-and-dotlock'; helper: string; excludes: 'fcntl-or-dotlock-writers' }
  | { method: 'dotlock-only'; excludes: 'dotlock-writers-only' };

// A held lock in words: English unless other words are given (the --json `lock` object; screens,
// the command's lines and the incident file pass the run's language).
export function spoolLockWords(lock: SpoolLockFacts, language?: Language): { method: string; excludes: string } {
  const t = spoolLockText(language);
  switch (lock.method) {
    case 'postlock':
      return { method: t.postlockMethod(lock.postfixConfig), excludes: t.postlockExcludes };
    case 'fcntl-and-dotlock':
      return { method: t.fcntlAndDotlock(lock.helper), excludes: t.fcntlExcludes };
    case 'dotlock-only':
      return { method: t.dotlockOnly, excludes: t.dotlockOnlyExcludes };
  }
}
