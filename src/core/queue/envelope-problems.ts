import type { Language } from '../i18n/speak.js';
import { wordFact } from '../i18n/word-fact.js';
import type { QueueProblem } from './message.js';
import { envelopeProblemText } from './envelope-problem-messages.js';

// A queue file's problem in words, in the run's language unless one is named ('en' for --json).
export function envelopeProblemWords(problem: QueueProblem, language?: Language): string {
  return wordFact(envelopeProblemText(language), problem);
}
