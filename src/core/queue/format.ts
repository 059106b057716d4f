import { escapeName } from '../text/escape-name.js';
import { padCell } from '../text/text-fit.js';
import { shapeRowLabel, type ShapeRow } from './aggregate.js';
import type { QueueMessage } from './message.js';
import type { QueueScan } from './scan-result.js';
import { fmtBytes, fmtCount, fmtDuration, shortBytes, shortCount } from '../text/units.js';
import { queueFormatText } from './format-messages.js';
import { queueVerdictWords } from './verdict-words.js';
import { envelopeProblemWords } from './envelope-problems.js';

// The human output of `queue`: the qshape-style table fitted to a width, the verdicts, the
// selection review. Every name from a queue file is escaped (senders are attacker-controlled).

// Columns that fit a width: key, total, bytes, then as many age buckets as there is room for
// (the oldest ones are summed into the last shown column, as qshape does with its last bucket).
export function shapeTableLines(scan: QueueScan, width = 80, ascii = false): string[] {
  const cellW = 6;
  const keyW = Math.max(12, Math.min(28, width - 2 * cellW - 1 - 8 * cellW));
  const fit = Math.max(1, Math.floor((width - keyW - 2 * cellW - 7) / cellW));
  const n = Math.min(scan.bucketLabels.length, fit);
  const labels = scan.bucketLabels.slice(0, n);
  if (n < scan.bucketLabels.length) labels[n - 1] = `${scan.bucketLabels[n - 2] ?? '0'}+`;
  const bucketCells = (r: ShapeRow) => {
    const b = r.buckets.slice(0, n);
    if (n < r.buckets.length) b[n - 1] = r.buckets.slice(n - 1).reduce((s, x) => s + x, 0);
    return b.map((c) => shortCount(c).padStart(cellW)).join('');
  };
  const line = (key: string, r: ShapeRow) => `${padCell(escapeName(shapeRowLabel(key), { ascii }), keyW, 'right', ascii)} ${shortCount(r.total).padStart(cellW)}${shortBytes(r.bytes).padStart(cellW + 1)}${bucketCells(r)}`;
  const out = [
    `${scan.by.padStart(keyW)} ${'T'.padStart(cellW)}${'bytes'.padStart(cellW + 1)}${labels.map((l) => l.padStart(cellW)).join('')}`,
    line('TOTAL', scan.totals),
    ...scan.rows.map((r) => line(r.key, r)),
  ];
  if (scan.rest) out.push(line(scan.rest.key, scan.rest));
  out.push(queueFormatText().legend(scan.by === 'domain'));
  return out;
}

// One paragraph per verdict with its evidence and the --match that selects it.
export function verdictLines(scan: QueueScan): string[] {
  const t = queueFormatText();
  if (!scan.verdicts.length) return [t.noPattern(fmtCount(scan.messages))];
  return scan.verdicts.flatMap((v) => {
    const w = queueVerdictWords(v);
    return [`! ${w.title}`, `  ${w.evidence}`, t.selectThem(v.match)];
  });
}

// The envelope of one message in a few lines (review and incident file).
export function messageLines(m: QueueMessage, ascii = false): string[] {
  const e = (s: string) => escapeName(s, { ascii });
  const t = queueFormatText();
  const rcpts = m.recipients.filter((r) => !r.done);
  const lines = [
    t.arrived(`${m.queue_name}/${m.queue_id}`, fmtCount(m.file_bytes), new Date(m.arrival_time * 1000).toISOString()),
    t.fromTo(m.sender === null ? t.unknownSender : m.sender === '' ? '<>' : e(m.sender), rcpts.slice(0, 3).map((r) => e(r.address)).join(', '), rcpts.length - 3),
  ];
  const origin = m.client_address ? `client ${e(m.client_name ?? 'unknown')}[${e(m.client_address)}]${m.helo ? ` helo ${e(m.helo)}` : ''}` : t.local(m.uid !== null ? String(m.uid) : '');
  lines.push(`  ${origin}${m.sasl_username ? `, SASL ${e(m.sasl_username)} (${e(m.sasl_method ?? '?')})` : ''}`);
  for (const h of (m.headers ?? []).filter((h) => /^(subject|from|date|message-id):/i.test(h)).slice(0, 4)) lines.push(`  ${e(h).slice(0, 200)}`);
  if (m.errors.length) {
    lines.push(t.errors(m.errors.map((p) => envelopeProblemWords(p)).join('; ')));
  }
  return lines;
}

// The review before an action in its two parts: the figures (how many, how much, which share
// reaches beyond the match) and the sample (its heading and envelopes; empty without one), so a
// screen can put lines between them whatever the language.
export function reviewParts(scan: QueueScan, action: string, ascii = false): { figures: string[]; sample: string[] } {
  const t = queueFormatText();
  const figures = [t.selected(fmtCount(scan.selected.length), fmtBytes(scan.selectedBytes), fmtCount(scan.messages), action)];
  if (scan.selectedBeyond) figures.push(t.beyond(fmtCount(scan.selectedBeyond)));
  const sample = scan.sample.length ? [t.sample(scan.sample.length), ...scan.sample.flatMap((m) => messageLines(m, ascii))] : [];
  return { figures, sample };
}

// The review before an action: the figures, then the sample.
export function reviewLines(scan: QueueScan, action: string, ascii = false): string[] {
  const { figures, sample } = reviewParts(scan, action, ascii);
  return [...figures, ...sample];
}

// The scan's last line: how much was read, how fast, what was skipped.
export function scanSummaryLine(scan: QueueScan): string {
  const rate = scan.elapsedMs > 0 ? Math.round((scan.messages * 1000) / scan.elapsedMs) : 0;
  const t = queueFormatText();
  const skipped = [
    scan.incomplete && t.stillWritten(scan.incomplete),
    scan.vanished && t.delivered(scan.vanished),
    scan.broken && t.broken(scan.broken),
    scan.notes.strays && t.strays(scan.notes.strays),
    scan.notes.missingQueues.length && t.missing(scan.notes.missingQueues.join(' ')),
    scan.notes.mountPoints?.length && t.mountPoints(scan.notes.mountPoints.join(' ')),
  ].filter(Boolean);
  return t.summary(!!scan.aborted, fmtCount(scan.messages), fmtDuration(scan.elapsedMs / 1000), fmtCount(rate), skipped.join(', '));
}
