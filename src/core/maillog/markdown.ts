import { inlineText } from '../incident/capture-text.js';
import { formatSection } from '../incident/section.js';
import { dayProcessChart, retriedChart } from './chart.js';
import type { PassReport } from './pass-report.js';
import { fmtBytes, shortBytes } from '../text/units.js';

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
  const body: string[] = [];
  body.push('### Verdicts', '');
  if (!r.verdicts.length) body.push('None: no retry storm, abuse or disk-full signal found.', '');
  for (const v of r.verdicts) {
    body.push(`- **${cell(v.title)}**`);
    for (const e of v.evidence) body.push(`  - ${cell(e)}`);
  }
  body.push('', '### Bytes per day and process', '', '```', ...dayProcessChart(r.days, 78), '```', '');
  const procs = r.processes.slice(0, 8);
  body.push(...table(['day', 'lines', 'bytes', ...procs], r.days.map((d) => [d.day, d.lines, shortBytes(d.bytes), ...procs.map((p) => d.byProcess[p]?.lines ?? 0)])), '');
  if (r.topRetried.length) {
    body.push('### Most retried queue IDs', '');
    body.push(...table(['queue_id', 'attempts', 'first', 'last', 'status', 'recipient', 'reason'], r.topRetried.map((t) => [t.queue_id, t.attempts, t.first, t.last, t.status, t.recipient, t.reason])), '');
    for (const t of r.topRetried.slice(0, 3)) body.push('```', ...retriedChart(t, 78), '```', '');
  }
  const s = r.statuses;
  body.push('### Statuses', '', ...table(['sent', 'deferred', 'bounced', 'expired', 'other', 'rejected (NOQUEUE)'], [[s.sent, s.deferred, s.bounced, s.expired, s.other, s.rejected]]), '');
  if (r.reasons.length) body.push('### Reasons (folded)', '', ...table(['count', 'reason', 'first', 'last'], r.reasons.map((x) => [x.count, x.reason, x.first, x.last])), '');
  if (r.destinations.length) body.push('### Destinations', '', ...table(['domain', 'attempts', 'deferred'], r.destinations.map((d) => [d.domain, d.attempts, d.deferred])), '');
  const sd = r.senders;
  body.push('### Who sent', '', `${sd.acceptedSmtp} messages accepted by smtpd; null sender \`<>\` on ${(100 * sd.nullSenderShare).toFixed(1)}% of ${sd.fromLines} queued messages; ${sd.bounceNotices} bounces created here.`, '');
  if (sd.saslLogins.length) body.push(...table(['SASL login', 'messages'], sd.saslLogins.map((c) => [c.key, c.count])), '');
  if (sd.clients.length) body.push(...table(['client', 'messages'], sd.clients.map((c) => [c.key, c.count])), '');
  if (sd.localUids.length) body.push(...table(['local uid', 'submissions'], sd.localUids.map((c) => [c.key, c.count])), '');
  if (r.diskFull.length) body.push('### Disk-full signals', '', ...table(['signal', 'count', 'first', 'last'], r.diskFull.map((d) => [d.text, d.count, d.first, d.last])), '');
  return formatSection(
    {
      step: 'maillog',
      title: `mail log analysis (${meta.files.length} file${meta.files.length === 1 ? '' : 's'})`,
      host: meta.host,
      time: meta.time,
      what: `${meta.complete ? 'full pass' : 'partial pass (stopped)'} over ${r.lines} lines, ${fmtBytes(r.bytes)}, ${r.first ?? '-'} to ${r.last ?? '-'}`,
      source: meta.files.join(', '),
      sha256: null,
      record: { kind: 'maillog', files: meta.files, complete: meta.complete, verdicts: r.verdicts.map((v) => v.code) },
    },
    body.join('\n'),
  );
}
