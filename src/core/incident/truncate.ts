import { fileRecord, modeText, ownerText, sourceText, type FileFacts } from './file-facts.js';
import { formatSection, type SectionHeader } from './section.js';
import type { IncidentRecord } from './records.js';

// What the truncate step records: sizes before and after, the lock held, what was kept.
export interface TruncateEvidence {
  file: FileFacts;
  sizeBefore: number;
  sizeAfter: number;
  lockMethod: string;
  lockExcludes: string;
  /** Inode, owner and mode were the same after truncation. */
  kept: boolean;
  labelBefore: string | null;
  labelAfter: string | null;
  /** The capture this truncation relies on (null with --no-evidence). */
  capture: IncidentRecord | null;
  /** Mail that arrived after the capture, measured under the lock: kept in the incident file, or lost knowingly (--accept-loss). */
  late?: { bytes: number; fate: 'kept' | 'lost' | 'none' };
}

// Bytes that arrived after the capture and were truncated without being captured.
export function uncapturedBytes(e: TruncateEvidence): number | null {
  if (e.late) return e.late.fate === 'lost' ? e.late.bytes : 0;
  const size = e.capture?.size;
  return typeof size === 'number' ? Math.max(0, e.sizeBefore - size) : null;
}

// The Markdown section that records a truncation in the incident file.
export function truncateSection(e: TruncateEvidence, h: Pick<SectionHeader, 'host' | 'time'>): string {
  const late = uncapturedBytes(e);
  const rows: [string, string][] = [
    ['size before', `${e.sizeBefore} bytes`],
    ['size after', `${e.sizeAfter} bytes`],
    ['inode', `${e.file.ino} on device ${e.file.dev} (kept)`],
    ['owner, mode', `${ownerText(e.file)}, ${modeText(e.file.mode)}${e.kept ? ' (kept)' : ' (CHANGED: check it)'}`],
    ['lock', e.lockMethod],
    ['lock excludes', e.lockExcludes],
  ];
  if (e.labelBefore || e.labelAfter) rows.push(['SELinux label', e.labelBefore === e.labelAfter ? `${e.labelAfter} (kept)` : `${e.labelBefore} -> ${e.labelAfter} (CHANGED)`]);
  rows.push(['evidence', e.capture ? `capture of ${String(e.capture.time)} (SHA-256 ${String(e.capture.sha256)})` : 'none (--no-evidence)']);
  const body: string[] = [];
  if (late !== null && late > 0) body.push(`- ${late} bytes arrived after the capture and were truncated without being captured (--accept-loss).`, '');
  if (e.late?.fate === 'kept') body.push(`- ${e.late.bytes} bytes arrived after the capture; they were appended to this file (section "arrived after the capture") under the lock, before truncating.`, '');
  const header: SectionHeader = {
    step: 'truncate',
    title: `spool ${e.file.systemPath}`,
    host: h.host,
    time: h.time,
    what: `truncated in place from ${e.sizeBefore} to ${e.sizeAfter} bytes`,
    source: sourceText(e.file),
    sha256: null,
    rows,
    record: { kind: 'truncate', ...fileRecord(e.file), sizeBefore: e.sizeBefore, sizeAfter: e.sizeAfter, kept: e.kept },
  };
  return formatSection(header, body.join('\n'));
}
