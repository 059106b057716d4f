import type { DfReport, PreventionItem } from './ports.js';
import type { LogEntry } from './state/types.js';
import { fmtBytes, fmtCount, fmtPercent } from './format.js';

// The walk's own sections of the incident file, as Markdown a person pastes into a report.
// Host, time and SHA-256 are added by the sink that writes them.

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/[\r\n]/g, ' ');

// The df table as the walk saw it.
export function disksSnapshotMarkdown(report: DfReport, show: (p: string) => string): string {
  const lines = [
    '| mount | type | size | used | avail | use% | inodes used | inode use% | flags |',
    '|---|---|---|---|---|---|---|---|---|',
    ...report.filesystems.map(
      (f) =>
        `| ${esc(f.mount)} | ${esc(f.fstype)} | ${fmtBytes(f.sizeBytes)} | ${fmtBytes(f.usedBytes)} | ${fmtBytes(f.availBytes)} | ${fmtPercent(f.usePercent)} | ${fmtCount(f.inodesUsed)} | ${fmtPercent(f.inodeUsePercent)} | ${esc(f.flags.join(', '))} |`,
    ),
  ];
  if (report.deletedOpen === null) lines.push('', `Deleted-but-open files: not checked (${report.deletedOpenNote ?? 'not available'}).`);
  else if (report.deletedOpen.length) {
    lines.push('', 'Deleted-but-open files:');
    for (const d of report.deletedOpen) lines.push(`- pid ${d.pid} (${esc(d.command)}) fd ${d.fd}: ${esc(show(d.path))}, ${fmtBytes(d.sizeBytes)} on ${esc(d.mount)}`);
  }
  return lines.join('\n') + '\n';
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
// or were flagged at start).
export function freedRows(before: DfReport, after: DfReport): FreedRow[] {
  const out: FreedRow[] = [];
  for (const b of before.filesystems) {
    const a = after.filesystems.find((f) => f.mount === b.mount);
    if (!a) continue;
    const changed = a.usedBytes !== b.usedBytes || a.inodesUsed !== b.inodesUsed;
    if (!changed && b.flags.length === 0) continue;
    out.push({ mount: b.mount, usedBefore: b.usedBytes, usedAfter: a.usedBytes, inodesBefore: b.inodesUsed, inodesAfter: a.inodesUsed });
  }
  return out;
}

// The summary section: what was freed, what was done, what stops it happening again.
export function summaryMarkdown(rows: FreedRow[], log: readonly LogEntry[], prevention: readonly PreventionItem[] | null): string {
  const out = ['| filesystem | used before | used after | bytes freed | inodes freed |', '|---|---|---|---|---|'];
  for (const r of rows) {
    out.push(`| ${esc(r.mount)} | ${fmtBytes(r.usedBefore)} | ${fmtBytes(r.usedAfter)} | ${fmtBytes(r.usedBefore - r.usedAfter)} | ${fmtCount(r.inodesBefore - r.inodesAfter)} |`);
  }
  if (!rows.length) out.push('| (no filesystem changed) | | | | |');
  out.push('', 'What the walk did:');
  for (const e of log) out.push(`- ${new Date(e.atMs).toISOString()} ${esc(e.text)}`);
  if (prevention) {
    out.push('', 'So that it does not happen again:');
    for (const p of prevention) out.push(`- [${p.status === 'ok' ? 'x' : ' '}] ${esc(p.title)}: ${esc(p.detail)} (${esc(p.file)})`);
  }
  return out.join('\n') + '\n';
}
