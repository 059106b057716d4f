import { commandFailureText, type CommandFailure } from '../command-failure.js';
import type { Language } from '../i18n/speak.js';
import { wordFact } from '../i18n/word-fact.js';
import { attrReasonWords } from './attr-reason-messages.js';

/**
 * Why a directory's extended attributes, SELinux label or inode flags are unknown or were not
 * written, as a fact worded when shown: the tool's own failure, or what the adapter saw.
 */
export type AttrReason =
  | CommandFailure
  | { code: 'tool-missing'; tool: string; package: string }
  | { code: 'lsattr-no-flags'; output: string }
  | { code: 'tool-failed'; tool: string }
  | { code: 'stat-no-label' }
  | { code: 'selinux-off'; why: AttrReason };

type OwnReason = Exclude<AttrReason, CommandFailure>;
const OWN_CODES: ReadonlySet<string> = new Set<OwnReason['code']>(['tool-missing', 'lsattr-no-flags', 'tool-failed', 'stat-no-label', 'selinux-off']);

// An attribute reason in words: the run's language on screens, 'en' for the purge's JSON.
export function attrReasonText(r: AttrReason, language?: Language): string {
  if (!OWN_CODES.has(r.code)) return commandFailureText(r as CommandFailure, language);
  const own = r as OwnReason;
  return own.code === 'selinux-off' ? attrReasonWords(language).selinuxOff(attrReasonText(own.why, language)) : wordFact<Exclude<OwnReason, { code: 'selinux-off' }>>(attrReasonWords(language), own);
}
