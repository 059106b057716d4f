import type { Finding, FindingCode } from './finding.js';
import { fixAliasesDb, fixDecodeTrap, fixRootForward } from './fix-aliases.js';
import { fixCronMailto, fixCrondArgs } from './fix-cron.js';
import { fixLogwatch } from './fix-logwatch.js';
import { refuse, type FixOptions, type FixPlanner, type PlanOutcome } from './fix-plan.js';
import { fixMailboxLimit, fixQueueLifetime, fixQueueMinfree, fixUnknownRecipients } from './fix-postfix.js';
import type { HostConfig } from './host-config.js';
import { fixText } from './fix-messages.js';
import { findingWords } from './finding-words.js';

// The planner of each fixable code; codes not here are advice only.
const PLANNERS: Partial<Record<FindingCode, FixPlanner>> = {
  'root-mail-stays-local': fixRootForward,
  'decode-trap-missing': fixDecodeTrap,
  'aliases-db-stale': fixAliasesDb,
  'cron-mailto-root': fixCronMailto,
  'crond-mail-on': fixCrondArgs,
  'logwatch-daily-report': fixLogwatch,
  'mailbox-size-unlimited': fixMailboxLimit,
  'queue-lifetime-long': fixQueueLifetime,
  'unknown-recipients-accepted': fixUnknownRecipients,
  'spool-on-root-fs': fixQueueMinfree,
};

// The plan for one finding, or why there is none.
export function planFix(f: Finding, c: HostConfig, o: FixOptions): PlanOutcome {
  const planner = PLANNERS[f.code];
  if (!planner || !f.fixable) return refuse('advice-only', fixText().notAutomatic(f.id), findingWords(f).fix);
  return planner(f, c, o);
}
