import { fileRecord, modeText, ownerText, sourceText, type FileFacts } from './file-facts.js';
import { formatSection, type SectionHeader } from './section.js';
import type { IncidentRecord } from './records.js';
import { sectionText } from './section-messages.js';
import { truncateText } from './truncate-messages.js';

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
  const t = truncateText();
  const s = sectionText();
  const rows: [string, string][] = [
    [t.sizeBefore, s.bytes(e.sizeBefore)],
    [t.sizeAfter, s.bytes(e.sizeAfter)],
    [s.inode, t.inodeKept(e.file.ino, e.file.dev)],
    [t.ownerMode, t.ownerModeValue(ownerText(e.file), modeText(e.file.mode), e.kept)],
    [t.lock, e.lockMethod],
    [t.lockExcludes, e.lockExcludes],
  ];
  if (e.labelBefore || e.labelAfter) rows.push([s.label, e.labelBefore === e.labelAfter ? t.labelKept(String(e.labelAfter)) : t.labelChanged(String(e.labelBefore), String(e.labelAfter))]);
  rows.push([t.evidence, e.capture ? t.captureOf(String(e.capture.time), String(e.capture.sha256)) : t.noEvidence]);
  const body: string[] = [];
  if (late !== null && late > 0) body.push(t.lateLost(late), '');
  if (e.late?.fate === 'kept') body.push(t.lateKept(e.late.bytes), '');
  const header: SectionHeader = {
    step: 'truncate',
    title: t.title(e.file.systemPath),
    host: h.host,
    time: h.time,
    what: t.what(e.sizeBefore, e.sizeAfter),
    source: sourceText(e.file),
    sha256: null,
    rows,
    record: { kind: 'truncate', ...fileRecord(e.file), sizeBefore: e.sizeBefore, sizeAfter: e.sizeAfter, kept: e.kept },
  };
  return formatSection(header, body.join('\n'));
}
