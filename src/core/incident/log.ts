import { fencedBlock, showBytes } from './capture-text.js';
import { fileFactRows, fileRecord, sourceText, type FileFacts } from './file-facts.js';
import { formatSection, sha256Hex, type SectionHeader } from './section.js';
import type { LinesCapture } from '../maillog/capture.js';
import { captureText } from './capture-messages.js';
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

const stampText = (s: LogStamp | null) => (s ? (s.iso && s.iso !== s.text ? captureText().stamp(s.text, s.iso, s.yearAssumed) : s.text) : captureText().noStamp);

// The Markdown section for a log capture: stat, time span, first and last lines.
export function logSection(e: LogEvidence, h: Pick<SectionHeader, 'host' | 'time'>): string {
  const c = e.capture;
  const t = captureText();
  const what = c.complete ? t.allLines(c.first.length + c.last.length) : t.someLines(c.first.length, c.last.length);
  const notes: string[] = [];
  if (c.noFinalNewline) notes.push(t.noFinalNewline);
  if (c.cutLines) notes.push(t.cutLines(c.cutLines));
  if (e.grewBy > 0) notes.push(t.logGrew(e.grewBy, c.size));
  const body: string[] = [];
  if (e.span.first || e.span.last) body.push(t.logCovers(stampText(e.span.first), stampText(e.span.last)), '');
  for (const n of notes) body.push(`- ${n}`);
  if (notes.length) body.push('');
  const show = (lines: Buffer[]) => fencedBlock(showBytes(Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')]))), 'log');
  if (c.first.length) body.push(`### ${c.complete ? t.linesHeading : t.firstLines(c.first.length)}`, '', show(c.first));
  if (c.last.length) body.push(`### ${c.complete ? t.remainingLines : t.lastLines(c.last.length, c.lastOffset)}`, '', show(c.last));
  const header: SectionHeader = {
    step: 'capture',
    title: t.title('log', e.file.systemPath),
    host: h.host,
    time: h.time,
    what,
    source: sourceText(e.file),
    sha256: e.sha256,
    sha256Of: t.logShaOf,
    rows: [...fileFactRows(e.file), [t.firstStamp, stampText(e.span.first)], [t.lastStamp, stampText(e.span.last)]],
    record: { kind: 'log', ...fileRecord(e.file), sha256: e.sha256, first: e.span.first?.text ?? null, last: e.span.last?.text ?? null },
  };
  return formatSection(header, body.join('\n'));
}
