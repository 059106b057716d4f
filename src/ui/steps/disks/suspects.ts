import type { Suspect } from '../../../core/suspects/rank.js';
import { suspectsOn } from '../../../core/suspects/rank.js';
import { safeText } from '../../format.js';
import { fitMiddle } from '../../../core/text/text-fit.js';
import type { DfReport, FilesystemRow } from '../../ports/index.js';
import { fmtBytes, fmtCount } from '../../../core/text/units.js';

// The Disks screen's "likely culprits" line: the known places on the selected filesystem that
// one lstat each says are big, so the operator sees the culprit before the scan confirms it.

function short(s: Suspect, ascii: boolean): string {
  const size = s.estimatedEntries === null ? fmtBytes(s.bytes) : `~${fmtCount(s.estimatedEntries)} entries (dir ${fmtBytes(s.bytes)})`;
  return `${safeText(s.path, ascii)} ${size}`;
}

// One line for the selected filesystem: its suspects heaviest first, as many as the width holds.
export function suspectsLine(f: FilesystemRow, report: DfReport | null, width: number, ascii: boolean): string {
  if (!report?.suspects) return 'Likely culprits: not looked at';
  const here = suspectsOn(report.suspects, f.devId);
  if (here.length === 0) return 'Likely culprits: none on this filesystem among the mail queues, spool, logs and /tmp';
  let line = 'Likely culprits (no scan yet): ';
  for (let i = 0; i < here.length; i++) {
    const part = (i ? '; ' : '') + short(here[i], ascii);
    const more = i < here.length - 1 ? `; +${here.length - i - 1} more` : '';
    if (i > 0 && line.length + part.length + more.length > width) return `${line}; +${here.length - i} more`;
    line += part;
    // A first suspect too long for the line alone keeps its start and end ("...").
    if (i === 0 && line.length + more.length > width) return fitMiddle(line, width - more.length, ascii) + more;
  }
  return line;
}
