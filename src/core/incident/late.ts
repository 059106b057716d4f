import { fencedBlock, showBytes } from './capture-text.js';
import { fileRecord, sourceText, type FileFacts } from './file-facts.js';
import { captureText } from './capture-messages.js';
import { formatSection, sha256Hex, type SectionHeader } from './section.js';

// Mail that reached the spool after it was captured and before truncate took the lock: it is
// appended to the incident file under the lock, before the spool is emptied, so nothing is
// destroyed uncaptured.
export interface LateArrival {
  file: FileFacts;
  /** Size the capture recorded: the late bytes start here. */
  fromOffset: number;
  bytes: Buffer;
}

// The Markdown section holding the late bytes, escaped and hashed.
export function lateArrivalSection(e: LateArrival, h: Pick<SectionHeader, 'host' | 'time'>): string {
  const sha256 = sha256Hex([e.bytes]);
  const t = captureText();
  const header: SectionHeader = {
    step: 'capture',
    title: t.lateTitle(e.file.systemPath),
    host: h.host,
    time: h.time,
    what: t.lateWhat(e.bytes.length, e.fromOffset, e.fromOffset + e.bytes.length),
    source: sourceText(e.file),
    sha256,
    sha256Of: t.lateShaOf,
    record: { kind: 'late', ...fileRecord(e.file), fromOffset: e.fromOffset, length: e.bytes.length, sha256 },
  };
  return formatSection(header, fencedBlock(showBytes(e.bytes)));
}
