import { walkSkipText } from './walk-skip-messages.js';

// Why a walk did not enter a directory and left it as it is, as facts (the errno code where one
// says why): worded when shown in the run's language, and in English in the purge's JSON.
export type WalkSkip =
  | { code: 'symlink-or-not-dir' | 'changed' | 'mount-point' }
  | { code: 'cannot-open' | 'cannot-read'; why: string }
  | { code: 'vanished'; errno: string | undefined };

// The reason in words: the run's language unless told ('en' for JSON).
export function walkSkipWords(s: WalkSkip, lang?: 'en'): string {
  const t = lang ? walkSkipText.messages[lang] : walkSkipText();
  switch (s.code) {
    case 'symlink-or-not-dir':
      return t.symlinkOrNotDir;
    case 'changed':
      return t.changed;
    case 'mount-point':
      return t.mountPoint;
    case 'cannot-open':
      return t.cannotOpen(s.why);
    case 'cannot-read':
      return t.cannotRead(s.why);
    case 'vanished':
      return t.vanished(s.errno);
  }
}
