import fs from 'node:fs';
import os from 'node:os';
import { formatSection, sha256Hex } from '../../core/incident/section.js';
import { mountForPath, parseMountinfo } from '../../core/disks/mountinfo.js';
import type { Finding } from '../../core/prevent/finding.js';
import { fixedBefore, timelineMarkdown } from '../../core/prevent/timeline.js';
import type { SystemPaths } from '../../core/system-paths.js';
import { appendIncidentSection, readIncidentRecords, type AppendResult } from '../incident/sink.js';
import { preventIoText } from './messages.js';

// Appends prevent's closing section to the incident file: the timeline built from the file's own
// records, what this run changed (diffs, backups, commands), and the findings still open.

// What the run changed, already as Markdown lines (empty when nothing was applied).
export interface ClosingInput {
  incidentFile: string;
  paths: SystemPaths;
  open: readonly Finding[];
  fixedNow: readonly string[];
  changes: readonly string[];
  version: string;
  signal?: AbortSignal;
}

// The mount point a system path is on (as the host sees it), for the per-filesystem totals.
function filesystemOf(paths: SystemPaths): (p: string) => string {
  let mounts: ReturnType<typeof parseMountinfo> = [];
  try {
    mounts = parseMountinfo(fs.readFileSync('/proc/self/mountinfo', 'utf8'));
  } catch {
    // no /proc: the path's top directory stands in for the filesystem
  }
  return (p) => mountForPath(mounts, paths.arg(p))?.mountPoint ?? '/' + (p.split('/')[1] ?? '');
}

// Reads the records, writes the section; returns what the sink did and the Markdown written.
export async function appendClosingSection(c: ClosingInput): Promise<{ result: AppendResult; markdown: string; sha256: string }> {
  const records = await readIncidentRecords(c.incidentFile, c.signal);
  const fixed = [...new Set([...fixedBefore(records), ...c.fixedNow])].filter((id) => !c.open.some((f) => f.id === id));
  const t = preventIoText();
  const body = [timelineMarkdown(records, filesystemOf(c.paths), c.open, fixed), ...(c.changes.length ? [`### ${t.changesHeading}`, '', ...c.changes, ''] : [])].join('\n');
  const sha256 = sha256Hex([Buffer.from(body)]);
  const markdown = formatSection(
    {
      step: 'prevent',
      title: t.closingTitle,
      host: os.hostname(),
      time: new Date(),
      what: c.fixedNow.length ? t.closingFixed(c.fixedNow.join(', '), c.open.length) : t.closingOpen(c.open.length),
      source: `spoolrescue ${c.version} prevent${c.paths.root ? ` --root ${c.paths.root}` : ''}`,
      sha256,
      sha256Of: t.shaOfText,
      record: { fixed: c.fixedNow, open: c.open.map((f) => f.id) },
    },
    body,
  );
  return { result: appendIncidentSection(c.incidentFile, markdown), markdown, sha256 };
}
