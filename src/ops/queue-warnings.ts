import { queueOpText } from './messages/queue.js';

// A caution about a queue action, as a code and its figures: the plan's (before anything is read)
// and the action's (what it met); worded when shown, in English in --json.
export type QueueWarning =
  | { code: 'removed-lines' | 'maildrop-hold' | 'prefer-hold' }
  | { code: 'already-gone'; files: number }
  | { code: 'postsuper-logged'; lines: number };

// A warning's words, in the run's language unless other words are given (--json passes the English ones).
export function queueWarningWords(w: QueueWarning, t: ReturnType<typeof queueOpText>['warnings'] = queueOpText().warnings): string {
  switch (w.code) {
    case 'removed-lines':
      return t.removedLines;
    case 'maildrop-hold':
      return t.maildropHold;
    case 'prefer-hold':
      return t.preferHold;
    case 'already-gone':
      return t.alreadyGone(w.files);
    case 'postsuper-logged':
      return t.postsuperLogged(w.lines);
  }
}

// The warnings as --json has always written them: English sentences.
export function queueWarningsJson(ws: readonly QueueWarning[]): string[] {
  return ws.map((w) => queueWarningWords(w, queueOpText.messages.en.warnings));
}
