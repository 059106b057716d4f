import type { Finding, RelayCause } from './finding.js';
import type { HostConfig } from './host-config.js';
import { parseMasterCf, serviceValue, smtpdListeners } from './master-cf.js';
import { cidrWithin, isLoopback, parseCidr } from './networks.js';
import { listItems, pv, settingWhere } from './postfix-values.js';
import { DEFAULT_SMTPD } from './rules-postfix.js';

// open-relay-risk: an smtpd whose relay restrictions lack reject_unauth_destination (or
// defer_unauth_destination), or a mynetworks wider than the host's own networks. Advice only:
// restriction lists are order-sensitive and mynetworks decides who may send, so a person edits them.

const GUARD = /^(reject|defer)_unauth_destination$/;

// mynetworks entries wider than the host's networks (or, when those are unknown, wider than a /24
// or /64), loopback always allowed; lookup tables are not judged.
function wideNetworks(mynetworks: string, hostNetworks: readonly string[] | null): string[] {
  const hosts = (hostNetworks ?? []).map(parseCidr).filter((x) => x !== null);
  return listItems(mynetworks).filter((item) => {
    const c = parseCidr(item);
    if (!c || isLoopback(c)) return false;
    if (hostNetworks) return !hosts.some((h) => cidrWithin(c, h));
    return c.prefix < (c.v6 ? 64 : 24);
  });
}

// The finding, with one line of detail per cause.
export function openRelayRisk(c: HostConfig): Finding[] {
  const services = c.postfix.masterCf ? parseMasterCf(c.postfix.masterCf.text) : null;
  const listeners = services ? smtpdListeners(services) : [DEFAULT_SMTPD];
  if (!listeners.length) return [];
  const causes: { where: Finding['where']; cause: RelayCause }[] = [];
  for (const s of listeners) {
    const relay = serviceValue(s, 'smtpd_relay_restrictions', pv(c.postfix, 'smtpd_relay_restrictions'));
    const rcpt = serviceValue(s, 'smtpd_recipient_restrictions', pv(c.postfix, 'smtpd_recipient_restrictions'));
    if ([...listItems(relay.value), ...listItems(rcpt.value)].some((x) => GUARD.test(x))) continue;
    const o = relay.override ?? rcpt.override;
    causes.push({
      where: o ? { file: c.postfix.masterCf!.path, line: o.line, setting: `${s.service}/${s.type} -o ${o.name}` } : settingWhere(c.postfix, 'smtpd_relay_restrictions'),
      cause: { kind: 'no-guard', service: `${s.service}/${s.type}` },
    });
  }
  const mynet = pv(c.postfix, 'mynetworks');
  const wide = wideNetworks(mynet, c.hostNetworks);
  if (wide.length) {
    causes.push({
      where: settingWhere(c.postfix, 'mynetworks'),
      cause: { kind: 'wide-networks', wide, hostNetworks: c.hostNetworks ? [...c.hostNetworks] : null },
    });
  }
  if (!causes.length) return [];
  const local = /^(loopback-only|localhost|127\.0\.0\.1)$/i.test(pv(c.postfix, 'inet_interfaces').trim());
  return [{
    code: 'open-relay-risk', id: 'open-relay-risk', severity: local ? 'low' : 'high', where: causes[0].where,
    fixable: false,
    facts: { causes: causes.map((x) => x.cause) },
  }];
}
