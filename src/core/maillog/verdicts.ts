import type { MaillogVerdict, PassReport } from './pass-report.js';

// What the full pass concludes, each conclusion with the numbers that back it, so an operator can
// check it rather than trust it: retry storm, backscatter, relay or login abuse, disk full since T,
// and which processes made the log grow. Facts only: verdict-words.ts words them when shown.

function growth(r: PassReport): MaillogVerdict | null {
  if (r.days.length < 3) return null;
  const sorted = [...r.days].sort((a, b) => a.bytes - b.bytes);
  const median = sorted[Math.floor(sorted.length / 2)].bytes;
  const peak = sorted[sorted.length - 1];
  if (!median || peak.bytes < 3 * median) return null;
  const first = r.days.find((d) => d.bytes >= 3 * median)!;
  const movers = Object.entries(peak.byProcess)
    .map(([p, v]) => {
      const base = [...r.days].map((d) => d.byProcess[p]?.bytes ?? 0).sort((a, b) => a - b)[Math.floor(r.days.length / 2)];
      return { process: p, bytes: v.bytes, factor: base ? v.bytes / base : Infinity };
    })
    .filter((m) => m.factor >= 3)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 3)
    .map((m) => ({ ...m, factor: Number.isFinite(m.factor) ? m.factor : null }));
  return { code: 'log-growth', from: first.day, peakDay: peak.day, peakBytes: peak.bytes, medianBytes: median, movers };
}

// Every verdict the report supports, strongest first.
export function verdictsOf(r: PassReport): MaillogVerdict[] {
  const out: MaillogVerdict[] = [];
  const disk = [...r.diskFull].sort((a, b) => (a.first < b.first ? -1 : 1));
  if (disk.length) out.push({ code: 'disk-full', signals: disk.map((d) => ({ text: d.text, count: d.count, first: d.first, last: d.last })) });
  const top = r.topRetried[0];
  const storm = !!top && top.attempts >= 50;
  if (top && storm) {
    const peak = top.perDay.reduce((a, b) => (b.attempts > a.attempts ? b : a), top.perDay[0]);
    out.push({ code: 'retry-storm', top, peak, lifetimeSecs: r.messages.lifetimeSecs, also: r.topRetried.slice(1, 4).map((t) => ({ queueId: t.queue_id, attempts: t.attempts })) });
  }
  const s = r.senders;
  if (s.fromLines >= 20 && s.nullSenderShare >= 0.3) {
    out.push({ code: 'backscatter', share: s.nullSenderShare, nullSender: s.nullSender, fromLines: s.fromLines, bounceNotices: s.bounceNotices, afterStorm: storm });
  }
  const login = s.saslLogins[0];
  if (login && s.acceptedSmtp >= 100 && login.count >= 0.3 * s.acceptedSmtp) {
    out.push({ code: 'login-abuse', key: login.key, count: login.count, accepted: s.acceptedSmtp });
  }
  const client = s.clients[0];
  if (client && s.acceptedSmtp >= 100 && client.count >= 0.5 * s.acceptedSmtp) {
    out.push({ code: 'relay-abuse', key: client.key, count: client.count, accepted: s.acceptedSmtp });
  }
  const attempts = r.statuses.sent + r.statuses.deferred + r.statuses.bounced;
  if (attempts >= 100 && r.statuses.deferred >= 0.5 * attempts) {
    out.push({ code: 'deferrals', deferred: r.statuses.deferred, attempts, reasons: r.reasons.slice(0, 3).map((x) => ({ count: x.count, reason: x.reason })) });
  }
  const g = growth(r);
  if (g) out.push(g);
  return out;
}
