import { rawReasonWords, type RawReason } from './capture-facts.js';
import { binaryShare, fencedBlock, showBytes } from './capture-text.js';
import { fileFactRows, fileRecord, sourceText, type FileFacts } from './file-facts.js';
import { captureText } from './capture-messages.js';
import { formatSection, sha256Hex, type SectionHeader } from './section.js';

// First and last bytes of a file that is neither an mbox nor a log (garbage, a damaged spool).
export interface RawEvidence {
  file: FileFacts;
  size: number;
  head: Buffer;
  tailOffset: number;
  tail: Buffer;
  /** Why the file is shown raw (no From separator: not an mbox, ...). */
  reason: RawReason;
  grewBy: number;
  sha256: string;
}

// SHA-256 over the head then the tail bytes.
export function rawSha(head: Buffer, tail: Buffer): string {
  return sha256Hex([head, tail]);
}

// The Markdown section for raw bytes: stat, why it is raw, the escaped head and tail.
export function rawSection(e: RawEvidence, h: Pick<SectionHeader, 'host' | 'time'>, kind = 'raw'): string {
  const t = captureText();
  const body: string[] = [`- ${rawReasonWords(e.reason)}`];
  const share = binaryShare(Buffer.concat([e.head, e.tail]));
  if (share > 0.05) body.push(t.binaryShare(Math.round(share * 100)));
  if (e.grewBy > 0) body.push(t.fileGrew(e.grewBy, e.size));
  body.push('');
  if (e.size === 0) body.push(t.fileEmpty, '');
  if (e.head.length) body.push(`### ${t.firstBytes(e.head.length)}`, '', fencedBlock(showBytes(e.head)));
  if (e.tail.length) body.push(`### ${t.lastBytes(e.tail.length, e.tailOffset)}`, '', fencedBlock(showBytes(e.tail)));
  const header: SectionHeader = {
    step: 'capture',
    title: t.title(kind, e.file.systemPath),
    host: h.host,
    time: h.time,
    what: e.size === 0 ? t.emptyFile : t.rawWhat(e.head.length, e.tail.length, rawReasonWords(e.reason)),
    source: sourceText(e.file),
    sha256: e.sha256,
    sha256Of: t.rawShaOf,
    rows: fileFactRows(e.file),
    record: { kind, ...fileRecord(e.file), sha256: e.sha256 },
  };
  return formatSection(header, body.join('\n'));
}
