import { fencedBlock, showBytes } from './capture-text.js';
import { fileFactRows, fileRecord, sourceText, type FileFacts } from './file-facts.js';
import { formatSection, sha256Hex, type SectionHeader } from './section.js';
import type { LinesCapture } from '../maillog/capture.js';
import { assumeYears, parseLogStamp, type LogStamp } from '../maillog/time.js';

// Everything the log section says, also what --json prints.
export interface LogEvidence {
  file: FileFacts;
  capture: LinesCapture;
  /** Time stamps of the first and last captured lines: the span the log covers. */
  span: { first: LogStamp | null; last: LogStamp | null };
  grewBy: number;
  sha256: string;
}

// The span the log covers; syslog stamps have no year, so it is taken from the file's mtime.
export function logSpan(c: LinesCapture, mtimeMs: number): LogEvidence['span'] {
  const firstLine = c.first[0]?.toString('utf8') ?? '';
  const lastLine = (c.last.at(-1) ?? c.first.at(-1))?.toString('utf8') ?? '';
  const years = assumeYears(firstLine, lastLine, new Date(mtimeMs).getUTCFullYear());
  return { first: parseLogStamp(firstLine, years.first), last: parseLogStamp(lastLine, years.last) };
}

// SHA-256 over the captured lines, each with a line end, first ones then last ones.
export function logSha(c: LinesCapture): string {
  return sha256Hex([...c.first, ...c.last].flatMap((l) => [l, Buffer.from('\n')]));
}

const stampText = (s: LogStamp | null) => (s ? `${s.text}${s.iso && s.iso !== s.text ? ` (${s.iso}${s.yearAssumed ? ', year from the file mtime' : ''})` : ''}` : 'no time stamp');

// The Markdown section for a log capture: stat, time span, first and last lines.
export function logSection(e: LogEvidence, h: Pick<SectionHeader, 'host' | 'time'>): string {
  const c = e.capture;
  const what = c.complete ? `all ${c.first.length + c.last.length} lines of the log` : `first ${c.first.length} and last ${c.last.length} lines of the log`;
  const notes: string[] = [];
  if (c.noFinalNewline) notes.push('The file does not end with a line end: a line was being written, or the file was cut.');
  if (c.cutLines) notes.push(`${c.cutLines} line(s) longer than the cap were cut.`);
  if (e.grewBy > 0) notes.push(`The log grew by ${e.grewBy} bytes while it was read; only the ${c.size} bytes present at the start were read.`);
  const body: string[] = [];
  if (e.span.first || e.span.last) body.push(`The captured lines cover **${stampText(e.span.first)}** to **${stampText(e.span.last)}**.`, '');
  for (const n of notes) body.push(`- ${n}`);
  if (notes.length) body.push('');
  const show = (lines: Buffer[]) => fencedBlock(showBytes(Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')]))), 'log');
  if (c.first.length) body.push(`### ${c.complete ? 'Lines' : `First ${c.first.length} lines`}`, '', show(c.first));
  if (c.last.length) body.push(`### ${c.complete ? 'Remaining lines' : `Last ${c.last.length} lines (from offset ${c.lastOffset})`}`, '', show(c.last));
  const header: SectionHeader = {
    step: 'capture',
    title: `log ${e.file.systemPath}`,
    host: h.host,
    time: h.time,
    what,
    source: sourceText(e.file),
    sha256: e.sha256,
    sha256Of: 'the captured lines, each followed by a line end, in the order shown',
    rows: [...fileFactRows(e.file), ['first stamp', stampText(e.span.first)], ['last stamp', stampText(e.span.last)]],
    record: { kind: 'log', ...fileRecord(e.file), sha256: e.sha256, first: e.span.first?.text ?? null, last: e.span.last?.text ?? null },
  };
  return formatSection(header, body.join('\n'));
}
