import type { HotspotFile, HotspotReport, HotspotRow } from './rank.js';
import { escapeName } from '../text/escape-name.js';
import { displayWidth, fitMiddle, padCell, wrapText } from '../text/text-fit.js';
import { hotspotsReportText } from './messages.js';
import { fmtBytes, fmtCount } from '../text/units.js';

// How a path is shown (under --root as the rescued system knows it, below the scanned directory
// relative to it): text for UTF-8 names, bytes by the same rules for the others.
interface PathView {
  text(p: string): string;
  bytes(p: Buffer): Buffer;
}

// P is DIR or below it, compared byte by byte.
function underBytes(p: Buffer, dir: Buffer): boolean {
  return p.equals(dir) || (p.length > dir.length && p[dir.length] === 0x2f && p.subarray(0, dir.length).equals(dir));
}

// The path column: escaped (control characters, invalid UTF-8 visible), its mail tag in brackets,
// shortened in the middle so the line fits the width.
function pathCell(row: { path: string; pathBase64?: string; mail?: { label: string } }, width: number, show: PathView, ascii: boolean): string {
  const shown = row.pathBase64 ? escapeName(show.bytes(Buffer.from(row.pathBase64, 'base64')), { ascii }) : escapeName(show.text(row.path), { ascii });
  if (!row.mail) return fitMiddle(shown, width, ascii);
  const label = escapeName(row.mail.label, { ascii });
  const pathLength = displayWidth(shown);
  // The path keeps its full length while the tag can shrink to a dozen characters; then both shrink.
  const pathRoom = pathLength + 4 + Math.min(12, displayWidth(label)) <= width ? pathLength : Math.max(10, width - 4 - Math.min(20, displayWidth(label)));
  return `${fitMiddle(shown, pathRoom, ascii)}  [${fitMiddle(label, Math.max(3, width - Math.min(pathLength, pathRoom) - 4), ascii)}]`;
}

const cells = (values: string[], widths: number[]) => values.map((v, i) => padCell(v, widths[i], 'right')).join('');

function dirTable(title: string, heads: string[], rows: readonly HotspotRow[], value: (r: HotspotRow) => string[], width: number, show: PathView, ascii: boolean): string[] {
  if (rows.length === 0) return [];
  // figures in the long forms every screen uses ("3.9 MiB", "1,070"): room for "1023 MiB", "1,000,000"
  const widths = [9, 10, 10];
  const used = widths.reduce((a, b) => a + b, 0) + 2;
  const lines = [title, `${cells(heads, widths)}  ${hotspotsReportText().heads.path}`];
  for (const r of rows) lines.push(`${cells(value(r), widths)}  ${pathCell(r, width - used - (r.incomplete ? 2 : 0), show, ascii)}${r.incomplete ? ' !' : ''}`);
  return [...lines, ''];
}

function fileTable(files: readonly HotspotFile[], width: number, show: PathView, ascii: boolean): string[] {
  if (files.length === 0) return [];
  const widths = [9, 10];
  const used = widths.reduce((a, b) => a + b, 0) + 2;
  const h = hotspotsReportText().heads;
  const lines = [hotspotsReportText().largest, `${cells([h.bytes, h.size], widths)}  ${h.path}`];
  for (const f of files) lines.push(`${cells([fmtBytes(f.bytes), fmtBytes(f.size)], widths)}  ${pathCell(f, width - used, show, ascii)}`);
  return [...lines, ''];
}

// The human hotspots output for a terminal of `width` columns (80 on a serial console): totals,
// the two rankings (what sits directly in each directory, subtree beside it), the largest files,
// mounts not entered and errors. Names are escaped (and ASCII-only with ascii). Under --root,
// rootDir is given and paths are shown as the rescued system knows them.
export function formatHotspotReport(r: HotspotReport, width = 80, rootDir?: string, ascii = false): string {
  const esc = (name: string) => escapeName(name, { ascii });
  const w = Math.max(60, width);
  // Under --root, a path as the rescued system knows it; compared and cut as bytes, the one way for
  // names that are UTF-8 and for those that are not.
  const rootBytes = rootDir === undefined ? undefined : Buffer.from(rootDir);
  const system = (p: Buffer) => (rootBytes && underBytes(p, rootBytes) ? (p.length === rootBytes.length ? Buffer.from('/') : p.subarray(rootBytes.length)) : p);
  // Rows show paths below the scanned directory relative to it ("./postfix/maildrop"), so an
  // 80-column line keeps the part that matters and the mail tag.
  const startBytes = system(Buffer.from(r.root));
  const start = startBytes.toString();
  const bytes = (p: Buffer) => {
    const s = system(p);
    if (start === '/' || !underBytes(s, startBytes)) return s;
    return s.length === startBytes.length ? Buffer.from('.') : Buffer.concat([Buffer.from('.'), s.subarray(startBytes.length)]);
  };
  const text = (p: string) => bytes(Buffer.from(p)).toString();
  const show: PathView = { text, bytes };
  const seconds = (r.elapsedMs / 1000).toFixed(1);
  const t = hotspotsReportText();
  const h = t.heads;
  const where = rootDir ? t.underRoot(esc(start), esc(rootDir)) : esc(r.root);
  const lines = [
    ...wrapText(t.where(where, esc(r.device), r.fstype, esc(r.mount)), w, '  '),
    ...wrapText(t.totals(fmtBytes(r.totalBytes), fmtCount(r.totalBytes), fmtCount(r.totalEntries), fmtCount(r.directories), seconds), w, '  '),
    ...(start === '/' ? [] : wrapText(t.relative(esc(start)), w, '  ')),
    '',
    ...dirTable(t.byBytes, [h.bytes, h.entries, h.subtree], r.byBytes, (x) => [fmtBytes(x.bytes), fmtCount(x.entries), fmtBytes(x.subtreeBytes)], w, show, ascii),
    ...dirTable(t.byEntries, [h.entries, h.bytes, h.subtree], r.byEntries, (x) => [fmtCount(x.entries), fmtBytes(x.bytes), fmtCount(x.subtreeEntries)], w, show, ascii),
    ...fileTable(r.largestFiles, w, show, ascii),
  ];
  if ([...r.byBytes, ...r.byEntries].some((x) => x.incomplete)) lines.push(t.incomplete, '');
  if (r.skippedMounts.length) {
    lines.push(...wrapText(t.notEntered(r.skippedMounts.map((m) => esc(text(m))).join(', ')), w, '  '), '');
  }
  if (r.errorCount) {
    lines.push(...wrapText(t.errors(fmtCount(r.errorCount)), w, '  '));
    for (const e of r.errors.slice(0, 10)) {
      const shown = e.pathBase64 ? escapeName(bytes(Buffer.from(e.pathBase64, 'base64')), { ascii }) : esc(text(e.path));
      lines.push(`  ${fitMiddle(shown, w - 2, ascii)}`, ...wrapText(`      ${e.message}`, w, '      '));
    }
    if (r.errorCount > 10) lines.push(t.moreErrors(fmtCount(r.errorCount - 10)));
    lines.push('');
  }
  return lines.join('\n');
}
