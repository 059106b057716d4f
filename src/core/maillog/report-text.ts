import { dayProcessChart, retriedChart } from './chart.js';
import type { PassReport } from './pass-report.js';
import { fmtBytes, fmtCount } from '../text/units.js';

// The full pass for a terminal: verdicts first (with their evidence), then the tables; the
// charts when asked for (--chart, the walk).

const n = (x: number) => fmtCount(x);

// Lines of the report; `charts` adds the per-day × process chart and the retried messages' days.
export function reportLines(r: PassReport, opts: { charts: boolean; width?: number }): string[] {
  const w = opts.width ?? 80;
  const out: string[] = [];
  out.push(`${n(r.lines)} lines, ${fmtBytes(r.bytes)}, ${r.first?.slice(0, 19) ?? '-'} .. ${r.last?.slice(0, 19) ?? '-'}${r.unparsedLines ? `; ${n(r.unparsedLines)} lines without a time stamp or process` : ''}${r.skippedLines ? `; ${n(r.skippedLines)} outside --since/--until` : ''}`);
  out.push('', r.verdicts.length ? 'verdicts:' : 'verdicts: none (no storm, abuse or disk-full signal found)');
  for (const v of r.verdicts) {
    out.push(`  * ${v.title}`);
    for (const e of v.evidence) out.push(`      ${e}`);
  }
  if (opts.charts) {
    out.push('', 'bytes per day and process:', ...dayProcessChart(r.days, w - 2).map((l) => `  ${l}`));
    for (const t of r.topRetried.slice(0, 3)) out.push('', ...retriedChart(t, w - 2).map((l) => `  ${l}`));
  }
  const s = r.statuses;
  out.push('', `delivery attempts: sent ${n(s.sent)}, deferred ${n(s.deferred)}, bounced ${n(s.bounced)}, expired ${n(s.expired)}, other ${n(s.other)}; rejected at SMTP (NOQUEUE) ${n(s.rejected)}`);
  const m = r.messages;
  out.push(`messages: ${n(m.distinct)} queue IDs seen, ${n(m.removed)} removed, ${n(m.stillInQueue)} not removed in the log, ${n(m.livedPastLifetime)} lived past maximal_queue_lifetime (${(m.lifetimeSecs / 86400).toFixed(1)} d)${m.untrackedLines ? `; ${n(m.untrackedLines)} lines about untracked IDs (table full)` : ''}`);
  if (r.topRetried.length) {
    out.push('', 'most retried:');
    for (const t of r.topRetried.slice(0, 10)) out.push(`  ${t.queue_id.padEnd(16)} ${String(t.attempts).padStart(7)}  ${t.status.padEnd(9)} ${t.recipient ?? ''}  ${t.reason ?? ''}`.slice(0, w + 40));
  }
  if (r.reasons.length) {
    out.push('', 'reasons (folded):');
    for (const x of r.reasons) out.push(`  ${String(x.count).padStart(9)}  ${x.reason}`);
  }
  if (r.destinations.length) {
    out.push('', 'destinations (attempts, deferred):');
    for (const d of r.destinations) out.push(`  ${String(d.attempts).padStart(9)} ${String(d.deferred).padStart(9)}  ${d.domain}`);
  }
  const sd = r.senders;
  out.push('', `senders: ${n(sd.acceptedSmtp)} accepted by smtpd; null sender <> ${(100 * sd.nullSenderShare).toFixed(1)}% of ${n(sd.fromLines)}; ${n(sd.bounceNotices)} bounces created`);
  if (sd.saslLogins.length) out.push(`  SASL logins: ${sd.saslLogins.slice(0, 5).map((c) => `${c.key} ${n(c.count)}`).join(', ')}`);
  if (sd.clients.length) out.push(`  clients: ${sd.clients.slice(0, 5).map((c) => `${c.key} ${n(c.count)}`).join(', ')}`);
  if (sd.localUids.length) out.push(`  local submissions by uid: ${sd.localUids.slice(0, 5).map((c) => `uid ${c.key} ${n(c.count)}`).join(', ')}`);
  if (r.diskFull.length) {
    out.push('', 'disk-full signals:');
    for (const d of r.diskFull) out.push(`  ${String(d.count).padStart(7)}  ${d.text}  (${d.first} .. ${d.last})`);
  }
  if (r.unrecognisedQueueLines.length) out.push('', `queue-ID lines not recognised: ${r.unrecognisedQueueLines.map((c) => `${c.key} ${c.count}`).join(', ')}`);
  return out;
}
