import type { PassReport, Verdict } from './pass-report.js';
import { fmtBytes } from '../text/units.js';

// What the full pass concludes, each conclusion with the numbers that back it, so an operator can
// check it rather than trust it: retry storm, backscatter, relay or login abuse, disk full since T,
// and which processes made the log grow.

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

function growth(r: PassReport): Verdict | null {
  if (r.days.length < 3) return null;
  const sorted = [...r.days].sort((a, b) => a.bytes - b.bytes);
  const median = sorted[Math.floor(sorted.length / 2)].bytes;
  const peak = sorted[sorted.length - 1];
  if (!median || peak.bytes < 3 * median) return null;
  const first = r.days.find((d) => d.bytes >= 3 * median)!;
  const movers = Object.entries(peak.byProcess)
    .map(([p, v]) => {
      const base = [...r.days].map((d) => d.byProcess[p]?.bytes ?? 0).sort((a, b) => a - b)[Math.floor(r.days.length / 2)];
      return { p, bytes: v.bytes, factor: base ? v.bytes / base : Infinity };
    })
    .filter((m) => m.factor >= 3)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 3);
  return {
    code: 'log-growth',
    title: `the log grew from ${first.day}: ${fmtBytes(peak.bytes)} on ${peak.day} against ${fmtBytes(median)} on a median day`,
    evidence: movers.map((m) => `${m.p}: ${fmtBytes(m.bytes)} on ${peak.day} (${Number.isFinite(m.factor) ? `${m.factor.toFixed(0)}x` : 'new'} its median day)`),
  };
}

// Every verdict the report supports, strongest first.
export function verdictsOf(r: PassReport): Verdict[] {
  const out: Verdict[] = [];
  const disk = [...r.diskFull].sort((a, b) => (a.first < b.first ? -1 : 1));
  if (disk.length) {
    out.push({ code: 'disk-full', title: `disk full since ${disk[0].first}`, evidence: disk.map((d) => `${d.count} x "${d.text}" from ${d.first} to ${d.last}`) });
  }
  const top = r.topRetried[0];
  if (top && top.attempts >= 50) {
    const peak = top.perDay.reduce((a, b) => (b.attempts > a.attempts ? b : a), top.perDay[0]);
    out.push({
      code: 'retry-storm',
      title: `retry storm: ${top.queue_id} was tried ${top.attempts} times${top.recipient ? ` for <${top.recipient}>` : ''}`,
      evidence: [
        `attempts per day: ${top.perDay.map((d) => `${d.day.slice(5)} ${d.attempts}`).join(', ')} (peak ${peak.attempts} on ${peak.day})`,
        ...(top.reason ? [`last reason: ${top.reason}`] : []),
        `${top.livedPastLifetime ? 'lived past' : 'within'} maximal_queue_lifetime (${(r.messages.lifetimeSecs / 86400).toFixed(1)} d), first seen ${top.first}, last ${top.last}; status ${top.status}`,
        ...r.topRetried.slice(1, 4).map((t) => `also ${t.queue_id}: ${t.attempts} attempts`),
      ],
    });
  }
  const s = r.senders;
  if (s.fromLines >= 20 && s.nullSenderShare >= 0.3) {
    out.push({
      code: 'backscatter',
      title: `backscatter: ${pct(s.nullSenderShare)} of queued messages have the null sender <>`,
      evidence: [`${s.nullSender} of ${s.fromLines} qmgr from= lines are from=<>`, `${s.bounceNotices} non-delivery notifications created here`, ...(top && top.attempts >= 50 ? ['the retry storm above is such a bounce that cannot be delivered'] : [])],
    });
  }
  const login = s.saslLogins[0];
  if (login && s.acceptedSmtp >= 100 && login.count >= 0.3 * s.acceptedSmtp) {
    out.push({ code: 'login-abuse', title: `one SASL login sent ${pct(login.count / s.acceptedSmtp)} of the accepted mail: ${login.key}`, evidence: [`${login.count} of ${s.acceptedSmtp} messages accepted by smtpd`, 'a compromised password looks like this: check the login, change its password'] });
  }
  const client = s.clients[0];
  if (client && s.acceptedSmtp >= 100 && client.count >= 0.5 * s.acceptedSmtp) {
    out.push({ code: 'relay-abuse', title: `one client sent ${pct(client.count / s.acceptedSmtp)} of the accepted mail: ${client.key}`, evidence: [`${client.count} of ${s.acceptedSmtp} messages accepted by smtpd`, 'check mynetworks and smtpd_relay_restrictions'] });
  }
  const attempts = r.statuses.sent + r.statuses.deferred + r.statuses.bounced;
  if (attempts >= 100 && r.statuses.deferred >= 0.5 * attempts) {
    out.push({ code: 'deferrals', title: `${pct(r.statuses.deferred / attempts)} of delivery attempts were deferred`, evidence: r.reasons.slice(0, 3).map((x) => `${x.count} x ${x.reason}`) });
  }
  const g = growth(r);
  if (g) out.push(g);
  return out;
}
