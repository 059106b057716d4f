import { sortFindings, type Finding } from './finding.js';
import type { HostConfig } from './host-config.js';
import { aliasesDbStale, decodeTrapMissing, rootMailStaysLocal } from './rules-aliases.js';
import { cronMailtoRoot, crondMailOn } from './rules-cron.js';
import { maillogNotRotated, spoolOnRootFs } from './rules-disk.js';
import { logwatchDailyReport } from './rules-logwatch.js';
import { mailboxSizeUnlimited, queueLifetimeLong, unknownRecipientsAccepted } from './rules-postfix.js';
import { openRelayRisk } from './rules-relay.js';

// Every check, one function per finding code, in the order of FINDING_CODES.
const RULES: readonly ((c: HostConfig) => Finding[])[] = [
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

// The findings for one host, most severe first: facts, worded when shown (findingWords).
export function findings(c: HostConfig): Finding[] {
  return sortFindings(RULES.flatMap((rule) => rule(c)));
}
