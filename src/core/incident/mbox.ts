import { fencedBlock, showBytes } from './capture-text.js';
import { fileFactRows, fileRecord, sourceText, type FileFacts } from './file-facts.js';
import { formatSection, sha256Hex, type SectionHeader } from './section.js';
import type { CapturedMessage, MboxCapture } from '../mbox/capture.js';

// Everything the mbox section says, also what --json prints.
export interface MboxEvidence {
  file: FileFacts;
  capture: MboxCapture;
  /** Message count from a full read (--count), else null. */
  count: number | null;
  /** Bytes appended while reading (size at the end minus size at start); not captured. */
  grewBy: number;
  sha256: string;
}

// The problem window: dates of the first and last separators (server local time, as written).
export function mboxWindow(c: MboxCapture): { first: string | null; last: string | null } {
  const all = [...c.first, ...c.last];
  if (!all.length) return { first: null, last: null };
  return { first: all[0].from.date ?? all[0].from.line, last: all[all.length - 1].from.date ?? all[all.length - 1].from.line };
}

// SHA-256 over every captured message, first ones then last ones, in file order.
export function mboxSha(c: MboxCapture): string {
  return sha256Hex([...c.first, ...c.last].map((m) => m.bytes));
}

// Notes that change how a reader should trust the capture.
export function mboxNotes(e: MboxEvidence): string[] {
  const c = e.capture;
  const notes: string[] = [];
  if (c.noSeparator) notes.push(c.size === 0 ? 'The spool is empty (0 bytes).' : 'No "From " separator anywhere: this is not an mbox. The first and last bytes are shown raw instead.');
  if (!c.noSeparator && c.leadingBytes > 0) notes.push(`${c.leadingBytes} bytes before the first "From " separator belong to no message (damaged or not an mbox).`);
  if (c.crlf) notes.push('Lines end with CRLF; the text below shows them as plain line ends (the hash covers the original bytes).');
  const lastMsg = [...c.first, ...c.last].at(-1);
  if (lastMsg?.incomplete) notes.push('The last message does not end with an empty line: a delivery was in progress, or the file was cut.');
  if (e.grewBy > 0) notes.push(`The spool grew by ${e.grewBy} bytes while it was read (a delivery in progress); only the ${c.size} bytes present at the start were read.`);
  return notes;
}

function messageBlock(m: CapturedMessage, label: string): string {
  const head = `#### ${label}: offset ${m.offset}, ${m.length} bytes, SHA-256 \`${sha256Hex([m.bytes])}\``;
  const cut = m.cutAt !== null ? `\n(cut at offset ${m.cutAt}: the message is ${m.length} bytes, the first ${m.bytes.length} are kept)\n` : '';
  return `${head}\n\n${fencedBlock(showBytes(m.bytes))}${cut}`;
}

// The Markdown section for an mbox capture: stat, problem window, count, notes, the messages.
export function mboxSection(e: MboxEvidence, h: Pick<SectionHeader, 'host' | 'time'>, extraRows: [string, string][] = []): string {
  const c = e.capture;
  const w = mboxWindow(c);
  const n = c.first.length + c.last.length;
  const what = c.noSeparator ? `not an mbox: no message separator in ${c.size} bytes` : c.complete ? `all ${n} messages of the mbox` : `first ${c.first.length} and last ${c.last.length} messages of the mbox`;
  const rows: [string, string][] = [
    ...fileFactRows(e.file),
    ['first separator', w.first ?? 'none'],
    ['last separator', w.last ?? 'none'],
    ['messages', e.count !== null ? `${e.count} (counted in a full read)` : c.complete ? `${n}` : 'not counted (use --count: reads the whole spool)'],
    ...extraRows,
  ];
  const body: string[] = [];
  const window = w.first ? `Mail piled up from **${w.first}** until **${w.last}** (dates of the first and last "From " lines, server local time).` : '';
  if (window) body.push(window, '');
  for (const note of mboxNotes(e)) body.push(`- ${note}`);
  if (mboxNotes(e).length) body.push('');
  if (c.first.length) {
    body.push(`### ${c.complete ? 'Messages' : `First ${c.first.length} messages`}`, '');
    c.first.forEach((m, i) => body.push(messageBlock(m, `Message ${i + 1}`)));
  }
  if (c.last.length) {
    body.push(`### ${c.complete ? 'Remaining messages' : `Last ${c.last.length} messages`}`, '');
    c.last.forEach((m, i) => body.push(messageBlock(m, c.complete ? `Message ${c.first.length + i + 1}` : `Last ${c.last.length - i}`)));
  }
  const header: SectionHeader = {
    step: 'capture',
    title: `mbox ${e.file.systemPath}`,
    host: h.host,
    time: h.time,
    what,
    source: sourceText(e.file),
    sha256: e.sha256,
    sha256Of: `the ${n} captured messages as stored, in the order shown`,
    rows,
    record: { kind: 'mbox', ...fileRecord(e.file), sha256: e.sha256, first: w.first, last: w.last },
  };
  return formatSection(header, body.join('\n'));
}
