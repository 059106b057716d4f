import { wordFact } from '../i18n/word-fact.js';
import type { Finding, UnknownRecipientCause } from './finding.js';
import type { HostConfig } from './host-config.js';
import { parseMasterCf, serviceValue, smtpdListeners, type MasterService } from './master-cf.js';
import { postfixSeconds, pv, settingWhere } from './postfix-values.js';
import type { RetryStormInput } from './host-config.js';
import { postfixRulesText } from './rules-postfix-messages.js';
import type { Language } from '../i18n/speak.js';

// Postfix settings that let mail fill the disk: no mailbox limit, long queue lifetimes during a
// retry storm, unknown recipients accepted and bounced later (backscatter).

export const MAILBOX_LIMIT_DEFAULT = 51200000;
const FIVE_DAYS = 5 * 86400;
// Without master.cf (a bare --root tree), Postfix's packaged smtp/inet service is assumed.
export const DEFAULT_SMTPD: MasterService = { service: 'smtp', type: 'inet', command: 'smtpd', line: 0, overrides: [] };

// mailbox-size-unlimited: mailbox_size_limit = 0, or smaller than message_size_limit.
export function mailboxSizeUnlimited(c: HostConfig): Finding[] {
  const limit = Number(pv(c.postfix, 'mailbox_size_limit'));
  const msg = Number(pv(c.postfix, 'message_size_limit'));
  if (!Number.isFinite(limit) || (limit > 0 && (!(msg > 0) || limit >= msg))) return [];
  return [{
    code: 'mailbox-size-unlimited', id: 'mailbox-size-unlimited', severity: limit === 0 ? 'high' : 'medium', where: settingWhere(c.postfix, 'mailbox_size_limit'),
    fixable: true,
    facts: { limit, messageLimit: msg, suggested: Math.max(MAILBOX_LIMIT_DEFAULT, msg || 0) },
  }];
}

// queue-lifetime-long: lifetimes at or above 5d on a server that had a retry storm (seed 001).
export function queueLifetimeLong(c: HostConfig): Finding[] {
  const names = ['maximal_queue_lifetime', 'bounce_queue_lifetime'];
  const long = names.filter((n) => (postfixSeconds(pv(c.postfix, n)) ?? 0) >= FIVE_DAYS);
  if (!long.length || c.retryStorm?.retryStorm === false) return [];
  const storm = c.retryStorm?.retryStorm === true;
  return [{
    code: 'queue-lifetime-long', id: 'queue-lifetime-long', severity: storm ? 'medium' : 'info', where: settingWhere(c.postfix, long[0]),
    fixable: true,
    facts: { settings: long.map((name) => ({ name, value: pv(c.postfix, name) })), storm, retryStorm: c.retryStorm ?? null },
  }];
}

// The maillog step's evidence in the given language when it came from the incident file's record.
export function stormEvidence(r: RetryStormInput, lang: Language): string[] {
  const t = postfixRulesText(lang);
  const s = r.fromIncident;
  if (!s) return r.evidence;
  const files = s.files ? s.files.join(', ') : null;
  const verdicts = s.verdicts.map((code) => (isStormVerdict(code) ? wordFact(t.stormVerdicts, { code }) : code));
  return [verdicts.length ? t.stormSeen(files, verdicts.join(', ')) : t.stormNotSeen(files)];
}

// The mail-log verdicts the storm evidence names (English keeps their codes, as --json has them).
type StormVerdict = { code: 'retry-storm' | 'backscatter' };
const isStormVerdict = (code: string): code is StormVerdict['code'] => code === 'retry-storm' || code === 'backscatter';

// unknown-recipients-accepted: smtpd accepts mail for users that do not exist, and bounces later.
export function unknownRecipientsAccepted(c: HostConfig): Finding[] {
  const services = c.postfix.masterCf ? parseMasterCf(c.postfix.masterCf.text) : null;
  const listeners = services ? smtpdListeners(services) : [DEFAULT_SMTPD];
  const main = { lrm: pv(c.postfix, 'local_recipient_maps'), unlisted: pv(c.postfix, 'smtpd_reject_unlisted_recipient') };
  const luser = pv(c.postfix, 'luser_relay');
  const causes: { where: Finding['where']; cause: UnknownRecipientCause }[] = [];
  const seen = new Set<string>();
  const add = (key: string, where: Finding['where'], cause: UnknownRecipientCause) => {
    if (!seen.has(key)) causes.push({ where, cause });
    seen.add(key);
  };
  for (const s of listeners.length ? listeners : [DEFAULT_SMTPD]) {
    const lrm = serviceValue(s, 'local_recipient_maps', main.lrm);
    const un = serviceValue(s, 'smtpd_reject_unlisted_recipient', main.unlisted);
    const name = `${s.service}/${s.type}`;
    if (lrm.value.trim() === '') {
      if (lrm.override) add(`o${name}`, { file: c.postfix.masterCf!.path, line: lrm.override.line, setting: `${name} -o local_recipient_maps` }, { kind: 'lrm-override', service: name });
      else add('lrm', settingWhere(c.postfix, 'local_recipient_maps'), { kind: 'lrm-empty' });
    }
    if (/^no$/i.test(un.value.trim())) {
      if (un.override) add(`u${name}`, { file: c.postfix.masterCf!.path, line: un.override.line, setting: `${name} -o smtpd_reject_unlisted_recipient` }, { kind: 'unlisted-override', service: name });
      else add('un', settingWhere(c.postfix, 'smtpd_reject_unlisted_recipient'), { kind: 'unlisted-no' });
    }
  }
  if (!causes.length) return [];
  const listening = listeners.length > 0 && !/^(loopback-only|localhost|127\.0\.0\.1)$/i.test(pv(c.postfix, 'inet_interfaces').trim());
  return [{
    code: 'unknown-recipients-accepted', id: 'unknown-recipients-accepted', severity: listening ? 'high' : 'low', where: causes[0].where,
    fixable: true,
    facts: { causes: causes.map((x) => x.cause), luserRelay: luser || null },
  }];
}
