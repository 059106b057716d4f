import type { IncidentRecord } from '../incident/records.js';
import type { Finding } from './finding.js';
import { findingWords, whereText } from './finding-words.js';
import { shownLine } from './report-text.js';
import { timelineText } from './timeline-messages.js';

// The incident's closing section, the skeleton of the report: since when mail piled up (the
// first captured message), since when the disk was full (a record carrying diskFullSince, e.g.
// the maillog step's first "No space left on device"), each rescue step with its time and what
// it freed per filesystem, and which findings were fixed and which are still open.

// One rescue step as the timeline shows it.
interface TimelineStep {
  time: string;
  step: string;
  what: string;
  bytesFreed: number;
  inodesFreed: number;
  filesystem: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const esc = (s: string) => shownLine(s.replace(/\|/g, '\\|').replace(/[\r\n]/g, ' '));

// The earliest of date strings (captured "From " dates, queue arrival times); undefined when none parse.
function earliest(values: (string | undefined)[]): string | undefined {
  const dated = values.filter((v): v is string => v !== undefined).map((v) => ({ v, t: Date.parse(v) })).filter((x) => Number.isFinite(x.t));
  return dated.sort((a, b) => a.t - b.t)[0]?.v;
}

// When mail started piling up: the first message of the captured mailboxes or queues.
function mailPilingSince(records: readonly IncidentRecord[]): string | undefined {
  return earliest(records.filter((r) => r.step === 'capture').map((r) => str(r.first) ?? str(r.oldest)));
}

// When the disk became full, from any record that knows it.
function diskFullSince(records: readonly IncidentRecord[]): string | undefined {
  return earliest(records.map((r) => str(r.diskFullSince)));
}

// The steps that freed space (truncate, purge), with the filesystem each path is on.
function rescueSteps(records: readonly IncidentRecord[], filesystemOf: (systemPath: string) => string): TimelineStep[] {
  const t = timelineText();
  const out: TimelineStep[] = [];
  for (const r of records) {
    const time = str(r.time) ?? '';
    if (r.step === 'truncate' && r.kind === 'truncate' && r.path) {
      out.push({ time, step: 'truncate', what: t.truncated(r.path), bytesFreed: Math.max(0, num(r.sizeBefore) - num(r.sizeAfter)), inodesFreed: 0, filesystem: filesystemOf(r.path) });
    } else if (r.step === 'purge' && str(r.dir)) {
      const dir = str(r.dir)!;
      out.push({ time, step: 'purge', what: t.emptied(dir, str(r.strategy) ?? 'purge'), bytesFreed: num(r.bytes), inodesFreed: num(r.removed), filesystem: filesystemOf(dir) });
    }
  }
  return out.sort((a, b) => a.time.localeCompare(b.time));
}

// The closing section's body (Markdown); `fixed` are the ids fixed in this run or an earlier one.
export function timelineMarkdown(records: readonly IncidentRecord[], filesystemOf: (p: string) => string, open: readonly Finding[], fixed: readonly string[]): string {
  const since = mailPilingSince(records);
  const full = diskFullSince(records);
  const steps = rescueSteps(records, filesystemOf);
  const t = timelineText();
  const out = [
    t.timeline,
    '',
    t.pilingSince(since ? esc(since) : null),
    t.fullSince(full ? esc(full) : null),
    '',
    t.stepsHead,
    '|---|---|---|---|---|---|',
    ...steps.map((s) => `| ${s.time} | ${s.step} | ${esc(s.what)} | ${s.bytesFreed} | ${s.inodesFreed} | ${esc(s.filesystem)} |`),
  ];
  if (!steps.length) out.push(t.noSteps);
  const totals = new Map<string, { b: number; i: number }>();
  for (const s of steps) {
    const t = totals.get(s.filesystem) ?? { b: 0, i: 0 };
    totals.set(s.filesystem, { b: t.b + s.bytesFreed, i: t.i + s.inodesFreed });
  }
  if (totals.size) {
    out.push('', t.totalsHead, '|---|---|---|');
    for (const [fs, t] of totals) out.push(`| ${esc(fs)} | ${t.b} | ${t.i} |`);
  }
  out.push('', t.prevention, '');
  out.push(t.fixed(fixed.length ? fixed.map((x) => `\`${x}\``).join(', ') : null));
  out.push(t.stillOpen(open.length > 0));
  for (const f of open) out.push(`  - \`${f.id}\` (${f.severity}) ${esc(whereText(f.where))}: ${esc(findingWords(f).what)}`);
  return out.join('\n') + '\n';
}

// Ids fixed by earlier prevent runs recorded in the incident file.
export function fixedBefore(records: readonly IncidentRecord[]): string[] {
  return records.filter((r) => r.step === 'prevent' && Array.isArray(r.fixed)).flatMap((r) => (r.fixed as unknown[]).filter((x): x is string => typeof x === 'string'));
}
