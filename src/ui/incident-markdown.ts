import type { DfReport, PreventionReport } from './ports/index.js';
import { findingWords, whereText } from '../core/prevent/finding-words.js';
import type { LogEntry } from './walk/types.js';
import { formatDfReport } from '../core/disks/format.js';
import { fmtBytes, fmtCount } from '../core/text/units.js';
import { incidentText } from './incident-messages.js';

// The walk's own sections of the incident file, as Markdown a person pastes into a report.
// Host, time and SHA-256 are added by the sink that writes them.

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/[\r\n]/g, ' ');

// The df table as the walk saw it: the df core's own text (the same as `spoolrescue df`), fenced
// so it keeps its columns in any Markdown viewer.
export function disksSnapshotMarkdown(report: DfReport): string {
  return ['```', formatDfReport(report, 100, false).replace(/`/g, "'").trimEnd(), '```', ''].join('\n');
}

// One filesystem's change between the start of the walk and now.
export interface FreedRow {
  mount: string;
  usedBefore: number;
  usedAfter: number;
  inodesBefore: number;
  inodesAfter: number;
}

// Before/after per filesystem, from the first df report and a fresh one (only those that changed
// or were flagged at start): the ones flagged at start first, then the others, most freed first.
export function freedRows(before: DfReport, after: DfReport): FreedRow[] {
  const out: (FreedRow & { flagged: boolean })[] = [];
  for (const b of before.filesystems) {
    // under --root only the rescued system's filesystems count: the host's change on their own
    if (before.rescued && !before.rescued.includes(b.mount)) continue;
    const a = after.filesystems.find((f) => f.mount === b.mount);
    if (!a || b.usedBytes === null || a.usedBytes === null) continue;
    const changed = a.usedBytes !== b.usedBytes || a.inodesUsed !== b.inodesUsed;
    if (!changed && b.flags.length === 0) continue;
    out.push({ mount: b.mount, usedBefore: b.usedBytes, usedAfter: a.usedBytes, inodesBefore: b.inodesUsed ?? 0, inodesAfter: a.inodesUsed ?? 0, flagged: b.flags.length > 0 });
  }
  const freed = (r: FreedRow) => r.usedBefore - r.usedAfter;
  const inodes = (r: FreedRow) => r.inodesBefore - r.inodesAfter;
  out.sort((x, y) => Number(y.flagged) - Number(x.flagged) || freed(y) - freed(x) || inodes(y) - inodes(x));
  return out.map(({ flagged: _flagged, ...r }) => r);
}

// The summary section: what was freed, what was done, what stops it happening again.
export function summaryMarkdown(rows: FreedRow[], log: readonly LogEntry[], prevention: PreventionReport | null): string {
  const t = incidentText();
  const out = [t.tableHead, '|---|---|---|---|---|'];
  for (const r of rows) {
    out.push(`| ${esc(r.mount)} | ${fmtBytes(r.usedBefore)} | ${fmtBytes(r.usedAfter)} | ${fmtBytes(r.usedBefore - r.usedAfter)} | ${fmtCount(r.inodesBefore - r.inodesAfter)} |`);
  }
  if (!rows.length) out.push(t.noneChanged);
  out.push('', t.whatWasDone);
  for (const e of log) out.push(`- ${new Date(e.atMs).toISOString()} ${esc(e.text)}`);
  if (prevention) {
    out.push('', t.prevention(prevention.findings.length));
    for (const f of prevention.findings) {
      const w = findingWords(f);
      out.push(t.finding(f.id, f.severity, esc(whereText(f.where)), esc(w.what), esc(w.fix)));
    }
  }
  return out.join('\n') + '\n';
}
