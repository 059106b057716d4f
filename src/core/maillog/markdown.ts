import { inlineText } from '../incident/capture-text.js';
import { formatSection } from '../incident/section.js';
import { dayProcessChart, retriedChart } from './chart.js';
import type { PassReport } from './pass-report.js';
import { fmtBytes, shortBytes } from '../text/units.js';
import { maillogMarkdownText } from './markdown-messages.js';
import { maillogVerdictWords } from './verdict-words.js';

// The maillog analysis as an incident-file section: verdicts, the charts in code blocks (plain
// ASCII, as on the terminal), and the tables in Markdown.

// Where and when, for the section header.
export interface MaillogSectionMeta {
  host: string;
  time: Date;
  /** The logs read, as the system sees them. */
  files: string[];
  complete: boolean;
}

const cell = (s: string | number | null) => inlineText(String(s ?? ''));

function table(head: string[], rows: (string | number | null)[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

// The whole section.
export function maillogMarkdown(r: PassReport, meta: MaillogSectionMeta): string {
  const t = maillogMarkdownText();
  const body: string[] = [];
  body.push(`### ${t.verdicts}`, '');
  if (!r.verdicts.length) body.push(t.noVerdict, '');
  for (const v of r.verdicts.map((x) => maillogVerdictWords(x))) {
    body.push(`- **${cell(v.title)}**`);
    for (const e of v.evidence) body.push(`  - ${cell(e)}`);
  }
  body.push('', `### ${t.perDay}`, '', '```', ...dayProcessChart(r.days, 78), '```', '');
  const procs = r.processes.slice(0, 8);
  body.push(...table([...t.dayHead, ...procs], r.days.map((d) => [d.day, d.lines, shortBytes(d.bytes), ...procs.map((p) => d.byProcess[p]?.lines ?? 0)])), '');
  if (r.topRetried.length) {
    body.push(`### ${t.mostRetried}`, '');
    body.push(...table(t.retriedHead, r.topRetried.map((q) => [q.queue_id, q.attempts, q.first, q.last, q.status, q.recipient, q.reason])), '');
    for (const q of r.topRetried.slice(0, 3)) body.push('```', ...retriedChart(q, 78), '```', '');
  }
  const s = r.statuses;
  body.push(`### ${t.statuses}`, '', ...table(t.statusHead, [[s.sent, s.deferred, s.bounced, s.expired, s.other, s.rejected]]), '');
  if (r.reasons.length) body.push(`### ${t.reasons}`, '', ...table(t.reasonHead, r.reasons.map((x) => [x.count, x.reason, x.first, x.last])), '');
  if (r.destinations.length) body.push(`### ${t.destinations}`, '', ...table(t.destinationHead, r.destinations.map((d) => [d.domain, d.attempts, d.deferred])), '');
  const sd = r.senders;
  body.push(`### ${t.whoSent}`, '', t.senders(sd.acceptedSmtp, (100 * sd.nullSenderShare).toFixed(1), sd.fromLines, sd.bounceNotices), '');
  if (sd.saslLogins.length) body.push(...table(t.saslHead, sd.saslLogins.map((c) => [c.key, c.count])), '');
  if (sd.clients.length) body.push(...table(t.clientHead, sd.clients.map((c) => [c.key, c.count])), '');
  if (sd.localUids.length) body.push(...table(t.uidHead, sd.localUids.map((c) => [c.key, c.count])), '');
  if (r.diskFull.length) body.push(`### ${t.diskFull}`, '', ...table(t.diskFullHead, r.diskFull.map((d) => [d.text, d.count, d.first, d.last])), '');
  return formatSection(
    {
      step: 'maillog',
      title: t.title(meta.files.length),
      host: meta.host,
      time: meta.time,
      what: t.what(meta.complete, r.lines, fmtBytes(r.bytes), r.first ?? '-', r.last ?? '-'),
      source: meta.files.join(', '),
      sha256: null,
      record: { kind: 'maillog', files: meta.files, complete: meta.complete, verdicts: r.verdicts.map((v) => v.code) },
    },
    body.join('\n'),
  );
}
