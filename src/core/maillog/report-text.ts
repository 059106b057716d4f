import { dayProcessChart, retriedChart } from './chart.js';
import type { PassReport } from './pass-report.js';
import { fmtBytes, fmtCount } from '../text/units.js';
import { maillogReportText } from './report-messages.js';
import { maillogVerdictWords } from './verdict-words.js';

// The full pass for a terminal: verdicts first (with their evidence), then the tables; the
// charts when asked for (--chart, the walk).

const n = (x: number) => fmtCount(x);

// Lines of the report; `charts` adds the per-day × process chart and the retried messages' days.
export function reportLines(r: PassReport, opts: { charts: boolean; width?: number }): string[] {
  const w = opts.width ?? 80;
  const out: string[] = [];
  const t = maillogReportText();
  out.push(`${t.span(n(r.lines), fmtBytes(r.bytes), r.first?.slice(0, 19) ?? '-', r.last?.slice(0, 19) ?? '-')}${r.unparsedLines ? t.unparsed(n(r.unparsedLines)) : ''}${r.skippedLines ? t.outside(n(r.skippedLines)) : ''}`);
  out.push('', r.verdicts.length ? t.verdicts : t.noVerdicts);
  for (const v of r.verdicts.map((x) => maillogVerdictWords(x))) {
    out.push(`  * ${v.title}`);
    for (const e of v.evidence) out.push(`      ${e}`);
  }
  if (opts.charts) {
    out.push('', t.bytesPerDay, ...dayProcessChart(r.days, w - 2).map((l) => `  ${l}`));
    for (const t of r.topRetried.slice(0, 3)) out.push('', ...retriedChart(t, w - 2).map((l) => `  ${l}`));
  }
  const s = r.statuses;
  out.push('', t.attempts(n(s.sent), n(s.deferred), n(s.bounced), n(s.expired), n(s.other), n(s.rejected)));
  const m = r.messages;
  out.push(`${t.messages(n(m.distinct), n(m.removed), n(m.stillInQueue), n(m.livedPastLifetime), (m.lifetimeSecs / 86400).toFixed(1))}${m.untrackedLines ? t.untracked(n(m.untrackedLines)) : ''}`);
  if (r.topRetried.length) {
    out.push('', t.mostRetried);
    for (const t of r.topRetried.slice(0, 10)) out.push(`  ${t.queue_id.padEnd(16)} ${String(t.attempts).padStart(7)}  ${t.status.padEnd(9)} ${t.recipient ?? ''}  ${t.reason ?? ''}`.slice(0, w + 40));
  }
  if (r.reasons.length) {
    out.push('', t.reasons);
    for (const x of r.reasons) out.push(`  ${String(x.count).padStart(9)}  ${x.reason}`);
  }
  if (r.destinations.length) {
    out.push('', t.destinations);
    for (const d of r.destinations) out.push(`  ${String(d.attempts).padStart(9)} ${String(d.deferred).padStart(9)}  ${d.domain}`);
  }
  const sd = r.senders;
  out.push('', t.senders(n(sd.acceptedSmtp), (100 * sd.nullSenderShare).toFixed(1), n(sd.fromLines), n(sd.bounceNotices)));
  if (sd.saslLogins.length) out.push(t.sasl(sd.saslLogins.slice(0, 5).map((c) => `${c.key} ${n(c.count)}`).join(', ')));
  if (sd.clients.length) out.push(t.clients(sd.clients.slice(0, 5).map((c) => `${c.key} ${n(c.count)}`).join(', ')));
  if (sd.localUids.length) out.push(t.localUids(sd.localUids.slice(0, 5).map((c) => `uid ${c.key} ${n(c.count)}`).join(', ')));
  if (r.diskFull.length) {
    out.push('', t.diskFull);
    for (const d of r.diskFull) out.push(`  ${String(d.count).padStart(7)}  ${d.text}  (${d.first} .. ${d.last})`);
  }
  if (r.unrecognisedQueueLines.length) out.push('', t.unrecognised(r.unrecognisedQueueLines.map((c) => `${c.key} ${c.count}`).join(', ')));
  return out;
}
