import { fencedBlock, showBytes } from './capture-text.js';
import { fileFactRows, fileRecord, sourceText, type FileFacts } from './file-facts.js';
import { formatSection, sha256Hex, type SectionHeader } from './section.js';
import type { CapturedMessage, MboxCapture } from '../mbox/capture.js';
import { captureText, type MboxNoteText } from './capture-messages.js';
import { sectionText } from './section-messages.js';

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

// Notes that change how a reader should trust the capture, in the words given (the --json
// document takes them in English, the report and the terminal in the operator's language).
export function mboxNotes(e: MboxEvidence, t: MboxNoteText): string[] {
  const c = e.capture;
  const notes: string[] = [];
  if (c.noSeparator) notes.push(c.size === 0 ? t.spoolEmpty : t.noSeparator);
  if (!c.noSeparator && c.leadingBytes > 0) notes.push(t.leadingBytes(c.leadingBytes));
  if (c.crlf) notes.push(t.crlf);
  const lastMsg = [...c.first, ...c.last].at(-1);
  if (lastMsg?.incomplete) notes.push(t.lastIncomplete);
  if (e.grewBy > 0) notes.push(t.spoolGrew(e.grewBy, c.size));
  return notes;
}

function messageBlock(m: CapturedMessage, label: string): string {
  const t = captureText();
  const head = t.messageHead(label, m.offset, m.length, sha256Hex([m.bytes]));
  const cut = m.cutAt !== null ? `\n${t.messageCut(m.cutAt, m.length, m.bytes.length)}\n` : '';
  return `${head}\n\n${fencedBlock(showBytes(m.bytes))}${cut}`;
}

// The Markdown section for an mbox capture: stat, problem window, count, notes, the messages.
export function mboxSection(e: MboxEvidence, h: Pick<SectionHeader, 'host' | 'time'>, extraRows: [string, string][] = []): string {
  const c = e.capture;
  const w = mboxWindow(c);
  const n = c.first.length + c.last.length;
  const t = captureText();
  const none = sectionText().none;
  const what = c.noSeparator ? t.notMbox(c.size) : c.complete ? t.allMessages(n) : t.someMessages(c.first.length, c.last.length);
  const rows: [string, string][] = [
    ...fileFactRows(e.file),
    [t.firstSeparator, w.first ?? none],
    [t.lastSeparator, w.last ?? none],
    [t.messages, e.count !== null ? t.counted(e.count) : c.complete ? `${n}` : t.notCounted],
    ...extraRows,
  ];
  const body: string[] = [];
  if (w.first) body.push(t.window(w.first, w.last ?? none), '');
  const notes = mboxNotes(e, t.notes);
  for (const note of notes) body.push(`- ${note}`);
  if (notes.length) body.push('');
  if (c.first.length) {
    body.push(`### ${c.complete ? t.messagesHeading : t.firstMessages(c.first.length)}`, '');
    c.first.forEach((m, i) => body.push(messageBlock(m, t.message(i + 1))));
  }
  if (c.last.length) {
    body.push(`### ${c.complete ? t.remainingMessages : t.lastMessages(c.last.length)}`, '');
    c.last.forEach((m, i) => body.push(messageBlock(m, c.complete ? t.message(c.first.length + i + 1) : t.lastMessage(c.last.length - i))));
  }
  const header: SectionHeader = {
    step: 'capture',
    title: t.title('mbox', e.file.systemPath),
    host: h.host,
    time: h.time,
    what,
    source: sourceText(e.file),
    sha256: e.sha256,
    sha256Of: t.mboxShaOf(n),
    rows,
    record: { kind: 'mbox', ...fileRecord(e.file), sha256: e.sha256, first: w.first, last: w.last },
  };
  return formatSection(header, body.join('\n'));
}
