import type { Finding, FindingWhere, RelayCause, UnknownRecipientCause } from './finding.js';
import { aliasesRulesText } from './rules-aliases-messages.js';
import { cronRulesText } from './rules-cron-messages.js';
import { diskRulesText } from './rules-disk-messages.js';
import { logwatchRulesText } from './rules-logwatch-messages.js';
import { postfixRulesText } from './rules-postfix-messages.js';
import { relayRulesText } from './rules-relay-messages.js';
import { stormEvidence } from './rules-postfix.js';
import { LANGUAGES } from '../i18n/language.js';
import type { Language } from '../i18n/speak.js';

// A finding's words, made from its facts when shown: the run's language on screens, in the
// report and the incident file; English in --json (the same document in every language).

// The words of a finding: the part that changes with the language (codes, ids, severity do not).
interface FindingWords {
  what: string;
  why: string;
  /** What to change, in words (the planner turns it into the exact diff and commands). */
  fix: string;
  /** One line per fact behind it (e.g. the cron jobs without output redirection). */
  details?: string[];
}

// The language the run speaks (the catalogues answer in it).
function runLanguage(): Language {
  return LANGUAGES.find((l) => aliasesRulesText() === aliasesRulesText(l)) ?? 'en';
}

// "file:line" or the setting (Postfix's default named as such), for one-line output.
export function whereText(w: FindingWhere, lang: Language = runLanguage()): string {
  const setting = w.setting && w.postfixDefault ? postfixRulesText(lang).postfixDefault(w.setting) : w.setting;
  const file = w.file ? (w.line ? `${w.file}:${w.line}` : w.file) : '';
  if (file && setting) return `${file} (${setting})`;
  return file || setting || '';
}

// One cause of unknown recipients being accepted, in words.
function unknownCauseWords(c: UnknownRecipientCause, t: (typeof postfixRulesText.messages)['en']): string {
  if (c.kind === 'lrm-override') return t.lrmOverride(c.service);
  if (c.kind === 'unlisted-override') return t.unlistedOverride(c.service);
  return c.kind === 'lrm-empty' ? t.lrmEmpty : t.unlistedNo;
}

// One cause of an open relay risk, in words.
function relayCauseWords(c: RelayCause, t: (typeof relayRulesText.messages)['en']): string {
  if (c.kind === 'no-guard') return t.noGuard(c.service);
  return t.wideNetworks(c.wide.join(', '), c.hostNetworks ? c.hostNetworks.join(', ') || t.none : null);
}

// What a finding says, in the run's language unless another is given (--json: 'en').
export function findingWords(f: Finding, lang: Language = runLanguage()): FindingWords {
  switch (f.code) {
    case 'root-mail-stays-local': {
      const t = aliasesRulesText(lang);
      const x = f.facts;
      if (x.case === 'no-aliases') return { what: t.noAliasesWhat, why: t.noAliasesWhy, fix: t.noAliasesFix };
      const what = x.case === 'no-root-alias' ? t.noRootAlias(x.file, x.commented ? x.commented.line : null, x.commented ? x.commented.targets.join(', ') : '') : t.rootKeptLocal(x.targets.join(', '), x.local.join(', '));
      return { what, why: t.rootWhy, fix: t.rootFix(x.file) };
    }
    case 'decode-trap-missing': {
      const t = aliasesRulesText(lang);
      const x = f.facts;
      return { what: x.commentedLine !== null ? t.decodeCommented(x.commentedLine) : t.decodeMissing(x.file), why: t.decodeWhy, fix: t.decodeFix(x.file) };
    }
    case 'aliases-db-stale': {
      const t = aliasesRulesText(lang);
      const x = f.facts;
      return { what: x.dbMissing ? t.dbMissing(x.db, x.file) : t.dbOlder(x.file, x.db), why: t.dbWhy, fix: t.dbFix(x.map) };
    }
    case 'cron-mailto-root': {
      const t = cronRulesText(lang);
      const x = f.facts;
      return {
        what: t.mailtoRoot(x.jobs.length, x.file, x.mailto),
        why: x.forwarded ? t.mailtoWhyForwarded : t.mailtoWhyLocal,
        fix: t.mailtoFix(x.file),
        details: x.jobs.map((j) => t.job(j.line, j.user, j.command)),
      };
    }
    case 'crond-mail-on': {
      const t = cronRulesText(lang);
      const x = f.facts;
      return { what: x.crondArgs !== null ? t.crondArgs(x.crondArgs) : t.crondUnset(x.file), why: x.silenced ? t.crondWhySilenced : t.crondWhy, fix: t.crondFix(x.file) };
    }
    case 'logwatch-daily-report': {
      const t = logwatchRulesText(lang);
      const x = f.facts;
      if (x.case === 'mail-to') return { what: t.mailTo(x.script, x.mailTo), why: t.mailToWhy, fix: t.mailToFix(x.conf) };
      const what = x.case === 'daily-report-set' ? t.dailyReportSet(x.value, x.script) : t.dailyReportUnset(x.script, x.confFiles.join(t.or) || null);
      return { what, why: t.why, fix: t.fix(x.target) };
    }
    case 'mailbox-size-unlimited': {
      const t = postfixRulesText(lang);
      const x = f.facts;
      return { what: x.limit === 0 ? t.mailboxUnlimited : t.mailboxBelowMessage(String(x.limit), String(x.messageLimit)), why: t.mailboxWhy, fix: t.mailboxFix(String(x.suggested)) };
    }
    case 'queue-lifetime-long': {
      const t = postfixRulesText(lang);
      const x = f.facts;
      const what = t.lifetimes(x.settings.map((s) => `${s.name} = ${s.value}`).join(', '), x.storm);
      return { what, why: t.lifetimeWhy, fix: t.lifetimeFix, details: x.retryStorm ? stormEvidence(x.retryStorm, lang) : undefined };
    }
    case 'unknown-recipients-accepted': {
      const t = postfixRulesText(lang);
      const causes = f.facts.causes.map((c) => unknownCauseWords(c, t));
      return { what: t.unknownAccepted(causes.join(t.joined), f.facts.luserRelay), why: t.unknownWhy, fix: t.unknownFix, details: causes };
    }
    case 'open-relay-risk': {
      const t = relayRulesText(lang);
      const causes = f.facts.causes.map((c) => relayCauseWords(c, t));
      return { what: causes.join(t.joined), why: t.why, fix: t.fix, details: causes };
    }
    case 'maillog-not-rotated': {
      const t = diskRulesText(lang);
      const x = f.facts;
      return { what: t.notRotated(x.postfixOwn, x.log), why: t.notRotatedWhy, fix: x.postfixOwn ? t.notRotatedFixOwn(x.log) : t.notRotatedFix(x.log) };
    }
    case 'spool-on-root-fs': {
      const t = diskRulesText(lang);
      const x = f.facts;
      return { what: t.onRoot(x.paths.join(t.and), x.paths.length > 1, String(x.minfree), !x.minfree), why: t.onRootWhy, fix: t.onRootFix(String(x.want)) };
    }
  }
}

// A finding as --json gives it: the same document in every language (English words; a Postfix
// default named in `where.setting`), without the facts the words were made of.
export function findingJson(f: Finding) {
  const { file, line, setting } = f.where;
  const where = { file, line, setting: setting && f.where.postfixDefault ? whereText({ setting, postfixDefault: true }, 'en') : setting };
  const w = findingWords(f, 'en');
  return { code: f.code, id: f.id, severity: f.severity, where, what: w.what, why: w.why, fix: w.fix, fixable: f.fixable, details: w.details };
}
