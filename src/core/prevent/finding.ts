import type { RetryStormInput } from './host-config.js';

// What the prevention checks report: one finding per thing on this host that will fill the disk
// again (or let mail in that should not come), with where it is, why it matters and the fix.

// Every check, by the code the operator names with --apply.
export const FINDING_CODES = [
  'root-mail-stays-local',
  'decode-trap-missing',
  'aliases-db-stale',
  'cron-mailto-root',
  'crond-mail-on',
  'logwatch-daily-report',
  'mailbox-size-unlimited',
  'queue-lifetime-long',
  'unknown-recipients-accepted',
  'open-relay-risk',
  'maillog-not-rotated',
  'spool-on-root-fs',
] as const;

// One check's code.
export type FindingCode = (typeof FINDING_CODES)[number];

// How much it matters: high fills the disk or lets spam in, info is worth knowing.
type Severity = 'high' | 'medium' | 'low' | 'info';

// Where the cause sits: a file and line, or a Postfix setting (and which file or service sets it).
export interface FindingWhere {
  /** The file as the rescued system sees it (e.g. /etc/aliases). */
  file?: string;
  /** 1-based line, when one line is the cause. */
  line?: number;
  /** A Postfix setting, e.g. mailbox_size_limit, or a master.cf override smtp/inet/name. */
  setting?: string;
  /** The setting is not in main.cf: Postfix's default applies (worded next to it when shown). */
  postfixDefault?: boolean;
}

// A line of a crontab whose output is mailed.
interface CronJobFacts {
  line: number;
  user: string;
  command: string;
}

// Why smtpd accepts unknown recipients: a main.cf value or a master.cf override of one service.
export type UnknownRecipientCause =
  | { kind: 'lrm-empty' | 'unlisted-no' }
  | { kind: 'lrm-override' | 'unlisted-override'; service: string };

// Why the relay may be open: an smtpd without the guard, or mynetworks wider than the host's.
export type RelayCause = { kind: 'no-guard'; service: string } | { kind: 'wide-networks'; wide: string[]; hostNetworks: string[] | null };

// What each check found, as facts (paths, values, figures): worded when shown, in the run's
// language on screens and in English in --json (src/core/prevent/finding-words.ts).
type FindingFacts =
  | { code: 'root-mail-stays-local'; facts: { case: 'no-aliases' } | { case: 'no-root-alias'; file: string; commented: { line: number; targets: string[] } | null } | { case: 'kept-local'; file: string; targets: string[]; local: string[] } }
  | { code: 'decode-trap-missing'; facts: { file: string; commentedLine: number | null } }
  | { code: 'aliases-db-stale'; facts: { file: string; db: string; dbMissing: boolean; map: string } }
  | { code: 'cron-mailto-root'; facts: { file: string; jobs: CronJobFacts[]; mailto: string | null; forwarded: boolean } }
  | { code: 'crond-mail-on'; facts: { file: string; crondArgs: string | null; silenced: boolean } }
  | { code: 'logwatch-daily-report'; facts: { case: 'daily-report-set'; value: string; script: string; target: string } | { case: 'daily-report-unset'; script: string; confFiles: string[]; target: string } | { case: 'mail-to'; script: string; mailTo: string; conf: string } }
  | { code: 'mailbox-size-unlimited'; facts: { limit: number; messageLimit: number; suggested: number } }
  | { code: 'queue-lifetime-long'; facts: { settings: { name: string; value: string }[]; storm: boolean; retryStorm: RetryStormInput | null } }
  | { code: 'unknown-recipients-accepted'; facts: { causes: UnknownRecipientCause[]; luserRelay: string | null } }
  | { code: 'open-relay-risk'; facts: { causes: RelayCause[] } }
  | { code: 'maillog-not-rotated'; facts: { log: string; postfixOwn: boolean } }
  | { code: 'spool-on-root-fs'; facts: { paths: string[]; minfree: number; want: number } };

// One finding: the report row and the input of the fix planner. Its words (what, why, fix,
// details) are made from its facts when shown (findingWords).
export type Finding = {
  /** Unique among the findings: the code, plus @file when the code occurs in several files. */
  id: string;
  severity: Severity;
  where: FindingWhere;
  /** True when --apply can make the change safely; false when it is advice only (and why in its fix). */
  fixable: boolean;
} & FindingFacts;

// True when the text is one of the codes (argv and --json input are checked with it).
export function isFindingCode(s: string): s is FindingCode {
  return (FINDING_CODES as readonly string[]).includes(s);
}


const ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };

// Most severe first, then in the order of FINDING_CODES, so the list reads the same on every run.
export function sortFindings(list: readonly Finding[]): Finding[] {
  const code = (f: Finding) => FINDING_CODES.indexOf(f.code);
  return [...list].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || code(a) - code(b) || a.id.localeCompare(b.id));
}
