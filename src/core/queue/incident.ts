import { fencedBlock } from '../incident/capture-text.js';
import { escapeName } from '../text/escape-name.js';
import { formatSection } from '../incident/section.js';
import { messageLines } from './format.js';
import type { QueueScan } from './scan-result.js';
import { fmtBytes } from '../text/units.js';
import { queueIncidentText } from './incident-messages.js';
import { queueVerdictWords } from './verdict-words.js';

// The queue action's two incident sections: the selection (every ID and a sample, written before
// anything changes, so the report keeps what was removed), then the outcome, recorded as a purge is.

export interface QueueIncidentContext {
  host: string;
  time: Date;
  queueDir: string;
  action: string;
  method: string;
  matches: string[];
}

// The selection section: criteria, count, bytes, verdicts, the sample's envelopes and headers, all IDs.
export function selectionSection(scan: QueueScan, c: QueueIncidentContext): string {
  const t = queueIncidentText();
  const verdicts = scan.verdicts.map((v) => queueVerdictWords(v));
  const body = [
    t.criteria(c.matches.length ? c.matches.map((m) => `\`${escapeName(m)}\``).join(', ') : t.none, scan.selected.length, scan.messages, fmtBytes(scan.selectedBytes)),
    '',
    ...(verdicts.length ? [t.verdicts, '', ...verdicts.map((v) => `- ${v.title}: ${v.evidence}`), ''] : []),
    t.sample(scan.sample.length),
    '',
    fencedBlock(scan.sample.flatMap((m) => messageLines(m, true)).join('\n') || t.none),
    t.selectedIds(scan.selected.length),
    '',
    fencedBlock(scan.selected.map((s) => `${s.queue} ${s.id}`).join('\n') || t.none),
  ];
  return formatSection(
    {
      step: 'queue',
      title: t.selectionTitle(c.action, c.queueDir),
      host: c.host,
      time: c.time,
      what: t.selectionWhat(c.action, c.method),
      source: c.queueDir,
      sha256: null,
      rows: [[t.selectedRow, t.selectedCell(scan.selected.length, scan.selectedBytes)]],
      record: { kind: 'queue-selection', action: c.action, selected: scan.selected.length, bytes: scan.selectedBytes },
    },
    body.join('\n'),
  );
}

// The outcome section: what was done, how many, failures, postfix check; like the purge's record.
export function outcomeSection(c: QueueIncidentContext, o: { done: number; bytesFreed: number; failures: string[]; aborted: boolean; commands: string[]; check: string }): string {
  const t = queueIncidentText();
  const body = [
    t.done(c.action, o.done, c.action === 'delete' ? fmtBytes(o.bytesFreed) : null, c.method, o.aborted),
    ...o.commands.slice(0, 20).map((x) => t.ran(escapeName(x))),
    ...(o.failures.length ? [t.failures(o.failures.slice(0, 20).map((f) => escapeName(f)).join('; '))] : []),
    t.check(o.check),
  ];
  return formatSection(
    {
      step: 'queue',
      title: t.outcomeTitle(c.action, c.queueDir),
      host: c.host,
      time: c.time,
      what: t.outcomeWhat(c.action, o.done, c.method),
      source: c.queueDir,
      sha256: null,
      record: { kind: 'queue-action', action: c.action, done: o.done, bytes: o.bytesFreed, ok: !o.failures.length && !o.aborted },
    },
    body.join('\n'),
  );
}
