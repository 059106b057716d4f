import { fencedBlock } from '../incident/capture-text.js';
import { escapeName } from '../text/escape-name.js';
import { formatSection } from '../incident/section.js';
import { messageLines } from './format.js';
import type { QueueScan } from './scan-result.js';
import { fmtBytes } from '../text/units.js';

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
  const body = [
    `Criteria: ${c.matches.length ? c.matches.map((m) => `\`${escapeName(m)}\``).join(', ') : '(none)'}; ${scan.selected.length} of ${scan.messages} messages, ${fmtBytes(scan.selectedBytes)}.`,
    '',
    ...(scan.verdicts.length ? ['Verdicts:', '', ...scan.verdicts.map((v) => `- ${v.title}: ${v.evidence}`), ''] : []),
    `### Sample (${scan.sample.length} messages, envelope and headers)`,
    '',
    fencedBlock(scan.sample.flatMap((m) => messageLines(m, true)).join('\n') || '(none)'),
    `### Selected queue IDs (${scan.selected.length})`,
    '',
    fencedBlock(scan.selected.map((s) => `${s.queue} ${s.id}`).join('\n') || '(none)'),
  ];
  return formatSection(
    {
      step: 'queue',
      title: `${c.action} selection in ${c.queueDir}`,
      host: c.host,
      time: c.time,
      what: `the messages selected to ${c.action} (${c.method}), before anything changed`,
      source: c.queueDir,
      sha256: null,
      rows: [['selected', `${scan.selected.length} messages, ${scan.selectedBytes} bytes`]],
      record: { kind: 'queue-selection', action: c.action, selected: scan.selected.length, bytes: scan.selectedBytes },
    },
    body.join('\n'),
  );
}

// The outcome section: what was done, how many, failures, postfix check; like the purge's record.
export function outcomeSection(c: QueueIncidentContext, o: { done: number; bytesFreed: number; failures: string[]; aborted: boolean; commands: string[]; check: string }): string {
  const body = [
    `- ${c.action}: ${o.done} messages${c.action === 'delete' ? `, ${fmtBytes(o.bytesFreed)} freed` : ''} (${c.method})${o.aborted ? '; STOPPED before the end, the rest is intact' : ''}`,
    ...o.commands.slice(0, 20).map((x) => `- ran: \`${escapeName(x)}\``),
    ...(o.failures.length ? [`- failures: ${o.failures.slice(0, 20).map((f) => escapeName(f)).join('; ')}`] : []),
    `- postfix check: ${o.check}`,
  ];
  return formatSection(
    {
      step: 'queue',
      title: `${c.action} in ${c.queueDir}`,
      host: c.host,
      time: c.time,
      what: `${c.action} of ${o.done} selected messages (${c.method})`,
      source: c.queueDir,
      sha256: null,
      record: { kind: 'queue-action', action: c.action, done: o.done, bytes: o.bytesFreed, ok: !o.failures.length && !o.aborted },
    },
    body.join('\n'),
  );
}
