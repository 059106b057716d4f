import type { Finding } from './finding.js';
import type { HostConfig } from './host-config.js';
import { parseMasterCf, serviceValue, smtpdListeners, type MasterService } from './master-cf.js';
import { postfixSeconds, pv, settingWhere } from './postfix-values.js';

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
    what: limit === 0 ? 'mailbox_size_limit = 0: local delivery grows a mailbox without limit' : `mailbox_size_limit = ${limit} is smaller than message_size_limit = ${msg}: local(8) refuses to start`,
    why: "Postfix's default (50 MB) stops a root mbox from eating the disk; a multi-GB root mailbox means the limit was lifted",
    fix: `postconf -e mailbox_size_limit=${Math.max(MAILBOX_LIMIT_DEFAULT, msg || 0)}, then postfix reload`,
    fixable: true,
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
    what: `${long.map((n) => `${n} = ${pv(c.postfix, n)}`).join(', ')}${storm ? ' on a server whose mail log shows a retry storm' : ' (the mail log was not checked for a retry storm)'}`,
    why: 'undeliverable mail (backscatter, a dead relay) is retried for days: the queue and the mail log grow the whole time (seed 001)',
    fix: 'postconf -e maximal_queue_lifetime=1d bounce_queue_lifetime=1d, then postfix reload',
    fixable: true,
    details: c.retryStorm?.evidence,
  }];
}

// unknown-recipients-accepted: smtpd accepts mail for users that do not exist, and bounces later.
export function unknownRecipientsAccepted(c: HostConfig): Finding[] {
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
      if (lrm.override) add(`o${name}`, { file: c.postfix.masterCf!.path, line: lrm.override.line, setting: `${name} -o local_recipient_maps` }, `${name} overrides local_recipient_maps to empty`);
      else add('lrm', settingWhere(c.postfix, 'local_recipient_maps'), 'local_recipient_maps is empty');
    }
    if (/^no$/i.test(un.value.trim())) {
      if (un.override) add(`u${name}`, { file: c.postfix.masterCf!.path, line: un.override.line, setting: `${name} -o smtpd_reject_unlisted_recipient` }, `${name} sets smtpd_reject_unlisted_recipient = no`);
      else add('un', settingWhere(c.postfix, 'smtpd_reject_unlisted_recipient'), 'smtpd_reject_unlisted_recipient = no');
    }
  }
  if (!causes.length) return [];
  const listening = listeners.length > 0 && !/^(loopback-only|localhost|127\.0\.0\.1)$/i.test(pv(c.postfix, 'inet_interfaces').trim());
  return [{
    code: 'unknown-recipients-accepted', id: 'unknown-recipients-accepted', severity: listening ? 'high' : 'low', where: causes[0].where,
    what: `mail for unknown local users is accepted, then bounced: ${causes.map((x) => x.text).join('; ')}${luser ? `; luser_relay = ${luser} takes it all` : ''}`,
    why: 'each accepted message for a user that does not exist becomes a bounce to a forged sender: backscatter that sits in the queue and is retried for days. Seed 003 silenced it with luser_relay to a /dev/null alias, which hides the bounces but still accepts every spam; rejecting at SMTP time (550 before the message is taken) costs nothing and bounces nothing',
    fix: 'restore the defaults: postconf -X local_recipient_maps, postconf -e smtpd_reject_unlisted_recipient=yes (and drop the master.cf overrides named), then postfix reload',
    fixable: true,
    details: causes.map((x) => x.text),
  }];
}
