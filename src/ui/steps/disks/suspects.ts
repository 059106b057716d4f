import type { Suspect } from '../../../core/suspects/rank.js';
import { suspectsOn } from '../../../core/suspects/rank.js';
import { safeText } from '../../format.js';
import { displayWidth, fitMiddle, wrapText } from '../../../core/text/text-fit.js';
import type { DfReport, FilesystemRow } from '../../ports/index.js';
import { fmtBytes, fmtCount } from '../../../core/text/units.js';
import { disksText } from './messages.js';

// The Disks screen's "likely culprits" lines: the known places on the selected filesystem that
// one lstat each says are big, so the operator sees the culprit before the scan confirms it.

function short(s: Suspect, ascii: boolean): string {
  const size = s.estimatedEntries === null ? fmtBytes(s.bytes) : disksText().suspectEntries(fmtCount(s.estimatedEntries), fmtBytes(s.bytes));
  return `${safeText(s.path, ascii)} ${size}`;
}

// The selected filesystem's suspects, heaviest first, in at most `rows` lines of `width`: all of
// them wrapped when the rows hold them, else the first ones and "+N more"; one line keeps a first
// suspect too long for it by its start and end ("...").
export function suspectsLines(f: FilesystemRow, report: DfReport | null, width: number, ascii: boolean, rows: number): string[] {
  const t = disksText();
  if (!report?.suspects) return [t.suspectsNotLooked];
  const here = suspectsOn(report.suspects, f.devId);
  if (here.length === 0) return [t.suspectsNone];
  const parts = here.map((s) => short(s, ascii));
  for (let k = here.length; k >= 1; k--) {
    const text = t.suspectsHead + parts.slice(0, k).join('; ') + (k < here.length ? t.more(here.length - k) : '');
    const lines = wrapText(text, width, '  ');
    if (lines.length <= rows) return lines;
  }
  const more = here.length > 1 ? t.more(here.length - 1) : '';
  return [fitMiddle(t.suspectsHead + parts[0], width - displayWidth(more), ascii) + more];
}
