import type { Language } from '../i18n/speak.js';
import { wordFact } from '../i18n/word-fact.js';
import { captureFactsText } from './capture-facts-messages.js';
import type { CommandFailure } from '../command-failure.js';

// What a capture found, as facts: worded when shown (summary, incident file) in the run's
// language, in English in --json.

/** Why a file is kept as raw bytes rather than as an mbox or a log. */
export type RawReason = { code: 'not-mbox-nor-log' | 'empty-spool' | 'no-separator' };

/** Why a queue file's envelope could not be decoded by postcat (or opened at all). */
export type QueueFileProblem = { code: 'cannot-open'; why: string } | { code: 'not-queue-file' } | { code: 'postcat-failed'; why: CommandFailure | undefined };

/** How the envelopes of a queue capture were decoded. */
export type EnvelopeDecoder = { code: 'postcat'; configDir: string | undefined } | { code: 'native' | 'native-no-postcat' };

// Why the file is raw, in words (the run's language unless one is named: 'en' for --json).
export function rawReasonWords(r: RawReason, language?: Language): string {
  return wordFact(captureFactsText(language).raw, r);
}

// What went wrong with a queue file, in words.
export function queueFileProblemWords(p: QueueFileProblem, language?: Language): string {
  return wordFact(captureFactsText(language).queueFile, p);
}

// How envelopes were decoded, in words.
export function decoderWords(d: EnvelopeDecoder, language?: Language): string {
  return wordFact(captureFactsText(language).decoder, d);
}
