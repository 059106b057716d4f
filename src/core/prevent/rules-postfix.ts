import type { Finding } from './finding.js';
import type { HostConfig } from './host-config.js';
import { parseMasterCf, serviceValue, smtpdListeners, type MasterService } from './master-cf.js';
import { postfixSeconds, pv, settingWhere } from './postfix-values.js';
import { postfixRulesText } from './rules-postfix-messages.js';
import type { RetryStormInput } from './host-config.js';
import type { Language } from '../i18n/speak.js';

// Postfix settings that let mail fill the disk: no mailbox limit, long queue lifetimes during a
// retry storm, unknown recipients accepted and bounced later (backscatter).

export const MAILBOX_LIMIT_DEFAULT = 51200000;
const FIVE_DAYS = 5 * 86400;
// Without master.cf (a bare --root tree), Postfix's packaged smtp/inet service is assumed.
export const DEFAULT_SMTPD: MasterService = { service: 'smtp', type: 'inet', command: 'smtpd', line: 0, overrides: [] };

// mailbox-size-unlimited: mailbox_size_limit = 0, or smaller than message_size_limit.
export function mailboxSizeUnlimited(c: HostConfig, lang: Language): Finding[] {
  const t = postfixRulesText.messages[lang];
  const limit = Number(pv(c.postfix, 'mailbox_size_limit'));
  const msg = Number(pv(c.postfix, 'message_size_limit'));
  if (!Number.isFinite(limit) || (limit > 0 && (!(msg > 0) || limit >= msg))) return [];
  return [{
    code: 'mailbox-size-unlimited', id: 'mailbox-size-unlimited', severity: limit === 0 ? 'high' : 'medium', where: settingWhere(c.postfix, 'mailbox_size_limit', lang),
    what: limit === 0 ? t.mailboxUnlimited : t.mailboxBelowMessage(String(limit), String(msg)),
    why: t.mailboxWhy,
    fix: t.mailboxFix(String(Math.max(MAILBOX_LIMIT_DEFAULT, msg || 0))),
    fixable: true,
  }];
}

// queue-lifetime-long: lifetimes at or above 5d on a server that had a retry storm (seed 001).
export function queueLifetimeLong(c: HostConfig, lang: Language): Finding[] {
  const t = postfixRulesText.messages[lang];
  const names = ['maximal_queue_lifetime', 'bounce_queue_lifetime'];
  const long = names.filter((n) => (postfixSeconds(pv(c.postfix, n)) ?? 0) >= FIVE_DAYS);
  if (!long.length || c.retryStorm?.retryStorm === false) return [];
  const storm = c.retryStorm?.retryStorm === true;
  return [{
    code: 'queue-lifetime-long', id: 'queue-lifetime-long', severity: storm ? 'medium' : 'info', where: settingWhere(c.postfix, long[0], lang),
    what: t.lifetimes(long.map((n) => `${n} = ${pv(c.postfix, n)}`).join(', '), storm),
    why: t.lifetimeWhy,
    fix: t.lifetimeFix,
    fixable: true,
    details: c.retryStorm ? stormEvidence(c.retryStorm, lang) : undefined,
  }];
}

// The maillog step's evidence in the given language when it came from the incident file's record.
export function stormEvidence(r: RetryStormInput, lang: Language): string[] {
  const t = postfixRulesText.messages[lang];
  const s = r.fromIncident;
  if (!s) return r.evidence;
  const files = s.files ? s.files.join(', ') : null;
  return [s.verdicts.length ? t.stormSeen(files, s.verdicts.join(', ')) : t.stormNotSeen(files)];
}

// unknown-recipients-accepted: smtpd accepts mail for users that do not exist, and bounces later.
export function unknownRecipientsAccepted(c: HostConfig, lang: Language): Finding[] {
  const t = postfixRulesText.messages[lang];
  const services = c.postfix.masterCf ? parseMasterCf(c.postfix.masterCf.text) : null;
  const listeners = services ? smtpdListeners(services) : [DEFAULT_SMTPD];
  const main = { lrm: pv(c.postfix, 'local_recipient_maps'), unlisted: pv(c.postfix, 'smtpd_reject_unlisted_recipient') };
  const luser = pv(c.postfix, 'luser_relay');
  const causes: { where: Finding['where']; text: string }[] = [];
  const seen = new Set<string>();
  const add = (key: string, where: Finding['where'], text: string) => {
    if (!seen.has(key)) causes.push({ where, text });
    seen.add(key);
  };
  for (const s of listeners.length ? listeners : [DEFAULT_SMTPD]) {
    const lrm = serviceValue(s, 'local_recipient_maps', main.lrm);
    const un = serviceValue(s, 'smtpd_reject_unlisted_recipient', main.unlisted);
    const name = `${s.service}/${s.type}`;
    if (lrm.value.trim() === '') {
      if (lrm.override) add(`o${name}`, { file: c.postfix.masterCf!.path, line: lrm.override.line, setting: `${name} -o local_recipient_maps` }, t.lrmOverride(name));
      else add('lrm', settingWhere(c.postfix, 'local_recipient_maps', lang), t.lrmEmpty);
    }
    if (/^no$/i.test(un.value.trim())) {
      if (un.override) add(`u${name}`, { file: c.postfix.masterCf!.path, line: un.override.line, setting: `${name} -o smtpd_reject_unlisted_recipient` }, t.unlistedOverride(name));
      else add('un', settingWhere(c.postfix, 'smtpd_reject_unlisted_recipient', lang), t.unlistedNo);
    }
  }
  if (!causes.length) return [];
  const listening = listeners.length > 0 && !/^(loopback-only|localhost|127\.0\.0\.1)$/i.test(pv(c.postfix, 'inet_interfaces').trim());
  return [{
    code: 'unknown-recipients-accepted', id: 'unknown-recipients-accepted', severity: listening ? 'high' : 'low', where: causes[0].where,
    what: t.unknownAccepted(causes.map((x) => x.text).join(t.joined), luser || null),
    why: t.unknownWhy,
    fix: t.unknownFix,
    fixable: true,
    details: causes.map((x) => x.text),
  }];
}
