import type { Suspect } from '../../../core/suspects/rank.js';
import { suspectsOn } from '../../../core/suspects/rank.js';
import { safeText } from '../../format.js';
import { displayWidth, fitMiddle } from '../../../core/text/text-fit.js';
import type { DfReport, FilesystemRow } from '../../ports/index.js';
import { fmtBytes, fmtCount } from '../../../core/text/units.js';
import { disksText } from './messages.js';

// The Disks screen's "likely culprits" line: the known places on the selected filesystem that
// one lstat each says are big, so the operator sees the culprit before the scan confirms it.

function short(s: Suspect, ascii: boolean): string {
  const size = s.estimatedEntries === null ? fmtBytes(s.bytes) : disksText().suspectEntries(fmtCount(s.estimatedEntries), fmtBytes(s.bytes));
  return `${safeText(s.path, ascii)} ${size}`;
}

// One line for the selected filesystem: its suspects heaviest first, as many as the width holds.
export function suspectsLine(f: FilesystemRow, report: DfReport | null, width: number, ascii: boolean): string {
  if (!report?.suspects) return disksText().suspectsNotLooked;
  const here = suspectsOn(report.suspects, f.devId);
  if (here.length === 0) return disksText().suspectsNone;
  let line = disksText().suspectsHead;
  for (let i = 0; i < here.length; i++) {
    const part = (i ? '; ' : '') + short(here[i], ascii);
    const more = i < here.length - 1 ? disksText().more(here.length - i - 1) : '';
    if (i > 0 && displayWidth(line) + displayWidth(part) + displayWidth(more) > width) return `${line}${disksText().more(here.length - i)}`;
    line += part;
    // A first suspect too long for the line alone keeps its start and end ("...").
    if (i === 0 && displayWidth(line) + displayWidth(more) > width) return fitMiddle(line, width - displayWidth(more), ascii) + more;
  }
  return line;
}
