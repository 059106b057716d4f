import type { DfFilesystem, DfReport } from './model.js';
import { escapeName } from '../text/escape-name.js';
import { fitMiddle, padCell, wrapText } from '../text/text-fit.js';
import { fmtBytes, fmtCount, fmtPercent } from '../text/units.js';
import { disksText } from './messages.js';
import { flagWords } from './flag-words.js';

const num = (v: number | null, f: (n: number) => string) => (v === null ? '-' : f(v));

// Column layout of the filesystem table, figures in the long forms every screen uses ("251 GiB",
// "16,215,527"); the mount point takes what the others leave. IFree is the number that matters
// when inodes run out. Used (Size - Avail - Rsvd) is shown only where the mount keeps room.
type Heads = ReturnType<typeof disksText>['heads'];
const COLS: { head: keyof Heads; width: number; optional?: boolean; cell: (f: DfFilesystem) => string }[] = [
  { head: 'size', width: 9, cell: (f: DfFilesystem) => num(f.sizeBytes, fmtBytes) },
  { head: 'used', width: 9, optional: true, cell: (f: DfFilesystem) => num(f.usedBytes, fmtBytes) },
  { head: 'avail', width: 9, cell: (f: DfFilesystem) => num(f.availBytes, fmtBytes) },
  { head: 'use', width: 5, cell: (f: DfFilesystem) => fmtPercent(f.usePercent) },
  { head: 'rsvd', width: 9, cell: (f: DfFilesystem) => num(f.reservedBytes, fmtBytes) },
  { head: 'ifree', width: 11, cell: (f: DfFilesystem) => (f.inodes === 0 ? '-' : num(f.inodesFree, fmtCount)) },
  { head: 'iuse', width: 6, cell: (f: DfFilesystem) => fmtPercent(f.inodeUsePercent) },
];

const TYPE_WIDTH = 9;
// Below this the mount column would cut too much of /var/spool/postfix: Used gives way first.
const MIN_MOUNT = 24;

// The df table for a terminal of `width` columns (never wider than width): one line per
// filesystem with a "!" in front when flagged, then the reasons in words.
function formatFilesystems(fss: readonly DfFilesystem[], width = 80, ascii = false): string[] {
  const all = COLS.reduce((n, c) => n + c.width, 0) + TYPE_WIDTH + 2;
  const cols = width - all >= MIN_MOUNT ? COLS : COLS.filter((c) => !c.optional);
  const fixed = cols.reduce((n, c) => n + c.width, 0) + TYPE_WIDTH + 2;
  const mountWidth = Math.max(12, width - fixed);
  const h = disksText().heads;
  const head = `  ${padCell(h.mount, mountWidth)}${padCell(h.type, TYPE_WIDTH)}${cols.map((c) => padCell(h[c.head], c.width, 'right')).join('')}`;
  const lines = [head];
  for (const f of fss) {
    const mark = f.flags.length ? '! ' : '  ';
    const mount = padCell(fitMiddle(escapeName(f.mount, { ascii }), mountWidth - 1, ascii), mountWidth);
    const type = padCell(fitMiddle(escapeName(f.fstype, { ascii }), TYPE_WIDTH - 1, ascii), TYPE_WIDTH);
    lines.push(`${mark}${mount}${type}${cols.map((c) => c.cell(f).padStart(c.width)).join('')}`);
  }
  return lines;
}

// One line per flag: "! /var/spool (/dev/loop0): inodes 100% used: ...", wrapped to width.
function formatFlags(fss: readonly DfFilesystem[], width = 80, ascii = false): string[] {
  const out: string[] = [];
  for (const f of fss) {
    for (const flag of f.flags) out.push(...wrapText(`! ${escapeName(f.mount, { ascii })} (${escapeName(f.device, { ascii })}): ${flagWords(flag)}`, width, '    '));
  }
  return out;
}

// The deleted-but-open table: who holds what, and how to free it.
function formatDeletedOpen(report: DfReport, width = 80, limit = 20, ascii = false): string[] {
  const t = disksText();
  const list = report.deletedOpen;
  if (report.deletedOpenCount === 0) return [t.noDeletedOpen];
  const out = [...wrapText(t.deletedOpenHead(report.deletedOpenCount), width, '    ')];
  const pathWidth = Math.max(10, width - 2 - 8 - 16 - 6 - 10);
  const c = t.deletedOpenCols;
  out.push(`  ${padCell(c.pid, 7, 'right')} ${padCell(c.command, 15)}${padCell(c.fd, 5, 'right')} ${padCell(c.holds, 9, 'right')} ${c.path}`);
  for (const d of list.slice(0, limit)) {
    const size = d.allocatedBytes === null ? '?' : fmtBytes(d.allocatedBytes);
    out.push(`  ${String(d.pid).padStart(7)} ${padCell(fitMiddle(escapeName(d.command, { ascii }), 14, ascii), 15)}${String(d.fd).padStart(5)} ${size.padStart(9)} ${fitMiddle(escapeName(d.path, { ascii }), pathWidth, ascii)}`);
  }
  if (report.deletedOpenCount > Math.min(limit, list.length)) out.push(t.more(report.deletedOpenCount - Math.min(limit, list.length)));
  out.push(...wrapText(t.toFree, width, '    '), '    : > /proc/PID/fd/FD');
  return out;
}

// The whole human df output.
export function formatDfReport(report: DfReport, width = 80, ascii = false): string {
  const w = Math.max(60, width);
  const flags = formatFlags(report.filesystems, w, ascii);
  const lines = [...formatFilesystems(report.filesystems, w, ascii), ''];
  if (flags.length) lines.push(...flags, '');
  lines.push(...formatDeletedOpen(report, w, 20, ascii));
  const n = report.skippedProcesses;
  if (n > 0) lines.push(...wrapText(disksText().skipped(n), w, ' '));
  return lines.join('\n') + '\n';
}
