import { sortFindings, type Finding } from './finding.js';
import { LANGUAGES } from '../i18n/language.js';
import type { Language } from '../i18n/speak.js';
import { aliasesRulesText } from './rules-aliases-messages.js';
import type { HostConfig } from './host-config.js';
import { aliasesDbStale, decodeTrapMissing, rootMailStaysLocal } from './rules-aliases.js';
import { cronMailtoRoot, crondMailOn } from './rules-cron.js';
import { maillogNotRotated, spoolOnRootFs } from './rules-disk.js';
import { logwatchDailyReport } from './rules-logwatch.js';
import { mailboxSizeUnlimited, queueLifetimeLong, unknownRecipientsAccepted } from './rules-postfix.js';
import { openRelayRisk } from './rules-relay.js';

// Every check, one function per finding code, in the order of FINDING_CODES.
const RULES: readonly ((c: HostConfig, lang: Language) => Finding[])[] = [
  rootMailStaysLocal,
  decodeTrapMissing,
  aliasesDbStale,
  cronMailtoRoot,
  crondMailOn,
  logwatchDailyReport,
  mailboxSizeUnlimited,
  queueLifetimeLong,
  unknownRecipientsAccepted,
  openRelayRisk,
  maillogNotRotated,
  spoolOnRootFs,
];

// The language the run speaks (the checks word each finding in it, and in English for --json).
function runLanguage(): Language {
  return LANGUAGES.find((l) => aliasesRulesText() === aliasesRulesText.messages[l]) ?? 'en';
}

// The findings for one host, most severe first, in the run's language; when that is not English
// each also carries its English words (the checks are pure: both runs find the same things).
export function findings(c: HostConfig): Finding[] {
  const lang = runLanguage();
  const own = RULES.flatMap((rule) => rule(c, lang));
  if (lang === 'en') return sortFindings(own);
  const english = RULES.flatMap((rule) => rule(c, 'en'));
  return sortFindings(own.map((f, i) => ({ ...f, english: { where: english[i].where, what: english[i].what, why: english[i].why, fix: english[i].fix, details: english[i].details } })));
}
