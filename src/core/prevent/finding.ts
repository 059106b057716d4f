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
}

// One finding: the report row and the input of the fix planner.
export interface Finding {
  code: FindingCode;
  /** Unique among the findings: the code, plus @file when the code occurs in several files. */
  id: string;
  severity: Severity;
  where: FindingWhere;
  what: string;
  why: string;
  /** What to change, in words (the planner turns it into the exact diff and commands). */
  fix: string;
  /** True when --apply can make the change safely; false when it is advice only (and why in fix). */
  fixable: boolean;
  /** Facts behind the finding (e.g. the cron jobs without output redirection), for --json and the report. */
  details?: string[];
  /** The same words in English when the run speaks another language: --json shows these. */
  english?: FindingWords;
}

// The words of a finding, the part that changes with the language (codes, ids and severity do not).
type FindingWords = Pick<Finding, 'where' | 'what' | 'why' | 'fix' | 'details'>;

// A finding as --json gives it: the same document in every language (the English words).
export function findingJson(f: Finding): Omit<Finding, 'english'> {
  const { english, ...rest } = f;
  return english ? { ...rest, ...english } : rest;
}

// True when the text is one of the codes (argv and --json input are checked with it).
export function isFindingCode(s: string): s is FindingCode {
  return (FINDING_CODES as readonly string[]).includes(s);
}

// "file:line" or the setting, for one-line output.
export function whereText(w: FindingWhere): string {
  const file = w.file ? (w.line ? `${w.file}:${w.line}` : w.file) : '';
  if (file && w.setting) return `${file} (${w.setting})`;
  return file || w.setting || '';
}

const ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };

// Most severe first, then in the order of FINDING_CODES, so the list reads the same on every run.
export function sortFindings(list: readonly Finding[]): Finding[] {
  const code = (f: Finding) => FINDING_CODES.indexOf(f.code);
  return [...list].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || code(a) - code(b) || a.id.localeCompare(b.id));
}
