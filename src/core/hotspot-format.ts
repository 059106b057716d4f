import { escapeName } from './escape-name.js';
import type { HotspotFile, HotspotReport, HotspotRow } from './hotspot-rank.js';
import { elideMiddle, groupDigits, shortBytes, shortCount, wrap } from './table-text.js';

// The path column: escaped (control characters, invalid UTF-8 visible), its mail tag in brackets,
// shortened in the middle so the line fits the width.
function pathCell(row: { path: string; pathBase64?: string; mail?: { label: string } }, width: number): string {
  const shown = row.pathBase64 ? escapeName(Buffer.from(row.pathBase64, 'base64')) : escapeName(row.path);
  const tag = row.mail ? `  [${row.mail.label}]` : '';
  const room = Math.max(10, width - Array.from(tag).length);
  return elideMiddle(shown, room) + tag;
}

const cells = (values: string[], widths: number[]) => values.map((v, i) => v.padStart(widths[i])).join('');

function dirTable(title: string, heads: string[], rows: readonly HotspotRow[], value: (r: HotspotRow) => string[], width: number): string[] {
  if (rows.length === 0) return [];
  const widths = [8, 9, 9];
  const used = widths.reduce((a, b) => a + b, 0) + 2;
  const lines = [title, `${cells(heads, widths)}  PATH`];
  for (const r of rows) lines.push(`${cells(value(r), widths)}  ${pathCell(r, width - used)}${r.incomplete ? ' (incomplete)' : ''}`);
  return [...lines, ''];
}

function fileTable(files: readonly HotspotFile[], width: number): string[] {
  if (files.length === 0) return [];
  const widths = [8, 9];
  const used = widths.reduce((a, b) => a + b, 0) + 2;
  const lines = ['Largest files', `${cells(['BYTES', 'SIZE'], widths)}  PATH`];
  for (const f of files) lines.push(`${cells([shortBytes(f.bytes), shortBytes(f.size)], widths)}  ${pathCell(f, width - used)}`);
  return [...lines, ''];
}

// The human hotspots output for a terminal of `width` columns (80 on a serial console): totals,
// the two rankings (what sits directly in each directory, subtree beside it), the largest files,
// mounts not entered and errors. Plain ASCII apart from names, which are escaped.
export function formatHotspotReport(r: HotspotReport, width = 80): string {
  const w = Math.max(60, width);
  const seconds = (r.elapsedMs / 1000).toFixed(1);
  const lines = [
    ...wrap(`${escapeName(r.root)} on ${escapeName(r.device)} (${r.fstype}, mounted at ${escapeName(r.mount)})`, w, '  '),
    ...wrap(`${shortBytes(r.totalBytes)} (${groupDigits(r.totalBytes)} bytes allocated) in ${groupDigits(r.totalEntries)} entries, ${groupDigits(r.directories)} directories, ${seconds}s`, w, '  '),
    '',
    ...dirTable('Most bytes in files directly inside', ['BYTES', 'ENTRIES', 'SUBTREE'], r.byBytes, (x) => [shortBytes(x.bytes), shortCount(x.entries), shortBytes(x.subtreeBytes)], w),
    ...dirTable('Most entries directly inside', ['ENTRIES', 'BYTES', 'SUBTREE'], r.byEntries, (x) => [shortCount(x.entries), shortBytes(x.bytes), shortCount(x.subtreeEntries)], w),
    ...fileTable(r.largestFiles, w),
  ];
  if (r.skippedMounts.length) {
    lines.push(...wrap(`Not entered (other filesystems): ${r.skippedMounts.map((m) => escapeName(m)).join(', ')}`, w, '  '), '');
  }
  if (r.errorCount) {
    lines.push(`Could not read everything (${groupDigits(r.errorCount)}; totals leave these out):`);
    for (const e of r.errors.slice(0, 10)) {
      const shown = e.pathBase64 ? escapeName(Buffer.from(e.pathBase64, 'base64')) : escapeName(e.path);
      lines.push(...wrap(`  ${elideMiddle(shown, Math.max(20, w - 40))}: ${e.message}`, w, '    '));
    }
    if (r.errorCount > 10) lines.push(`  ... and ${groupDigits(r.errorCount - 10)} more (see --json)`);
    lines.push('');
  }
  return lines.join('\n');
}
