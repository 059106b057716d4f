import { decoderWords, queueFileProblemWords, type EnvelopeDecoder, type QueueFileProblem } from './capture-facts.js';
import { escapeName } from '../text/escape-name.js';
import { fencedBlock, inlineText, showBytes } from './capture-text.js';
import { fileFactRows, fileRecord, modeText, sourceText, type FileFacts } from './file-facts.js';
import { formatSection, sha256Hex, type SectionHeader } from './section.js';
import { captureText } from './capture-messages.js';
import { sectionText } from './section-messages.js';
import type { QueueEnvelope } from '../postfix/queue-record.js';

// One queue file of the oldest/newest lists, with its envelope when it could be decoded.
export interface QueueFileEvidence {
  /** Path below the queue directory ("24EB9888E", or "2/24EB9888E" in hashed queues). */
  name: string;
  /** Exact bytes of name when they are not UTF-8 (name then shows U+FFFD in their place). */
  nameBytes?: Buffer;
  size: number;
  mtimeMs: number;
  uid: number;
  gid: number;
  mode: number;
  /** The first bytes read (at most the cap); the section's hash covers these. */
  head: Buffer;
  envelope: QueueEnvelope | null;
  decodedBy: 'postcat' | 'native' | null;
  /** Why it could not be read or decoded (vanished, not a queue file, postcat failed). */
  error?: QueueFileProblem;
}

// Everything the queue section says, also what --json prints.
export interface QueueEvidence {
  dir: FileFacts;
  /** Postfix queue name when the directory is one (maildrop, deferred, ...). */
  queueName: string | null;
  /** Files counted (in hashed queues, across the hash subdirectories). */
  count: number;
  /** Hash subdirectories walked (0 for flat queues). */
  subdirs: number;
  oldest: QueueFileEvidence[];
  newest: QueueFileEvidence[];
  /** How envelopes were decoded: postcat -c DIR, the native decoder (postcat not installed), ... */
  decoder: EnvelopeDecoder;
  sha256: string;
}

// SHA-256 over the captured first bytes of each listed file, oldest first then newest.
export function queueSha(oldest: readonly QueueFileEvidence[], newest: readonly QueueFileEvidence[]): string {
  return sha256Hex([...oldest, ...newest].map((f) => f.head));
}

function fileBlock(f: QueueFileEvidence): string {
  const t = captureText();
  const lines = [t.fileHead(inlineText(escapeName(f.nameBytes ?? f.name)), f.size, new Date(f.mtimeMs).toISOString(), `${f.uid}:${f.gid}`, modeText(f.mode)), ''];
  if (f.envelope) {
    const e = f.envelope;
    lines.push(t.arrival(inlineText(e.arrival ?? t.unknown)));
    lines.push(t.sender(inlineText(e.sender === null ? t.unknown : e.sender === '' ? t.nullSender : e.sender)));
    lines.push(t.recipients(e.recipients.length, `${inlineText(e.recipients.slice(0, 20).join(', ') || sectionText().none)}${e.recipients.length > 20 ? ', ...' : ''}`));
    for (const hdr of e.headers.slice(0, 6)) lines.push(t.header(inlineText(hdr)));
    lines.push(t.decodedBy(String(f.decodedBy)), '');
  } else {
    if (f.error) lines.push(`- ${inlineText(queueFileProblemWords(f.error))}`, '');
    if (f.head.length) lines.push(t.firstBytesEscaped(Math.min(f.head.length, 512)), '', fencedBlock(showBytes(f.head.subarray(0, 512))));
  }
  return lines.join('\n');
}

// The Markdown section for a queue directory: count, the oldest and newest files with envelopes.
export function queueSection(e: QueueEvidence, h: Pick<SectionHeader, 'host' | 'time'>): string {
  const oldestTime = e.oldest[0] ? new Date(e.oldest[0].mtimeMs).toISOString() : null;
  const newestTime = e.newest[0] ? new Date(e.newest[0].mtimeMs).toISOString() : null;
  const t = captureText();
  const none = sectionText().none;
  const body: string[] = [];
  if (oldestTime) body.push(t.queueSpan(e.count, oldestTime, newestTime ?? none), '');
  else body.push(t.noFiles, '');
  if (e.oldest.length) body.push(`### ${t.oldestFiles(e.oldest.length)}`, '', ...e.oldest.map(fileBlock));
  if (e.newest.length) body.push(`### ${t.newestFiles(e.newest.length)}`, '', ...e.newest.map(fileBlock));
  const header: SectionHeader = {
    step: 'capture',
    title: t.title('queue', e.dir.systemPath),
    host: h.host,
    time: h.time,
    what: t.queueWhat(e.oldest.length, e.newest.length, e.queueName),
    source: sourceText(e.dir),
    sha256: e.sha256,
    sha256Of: t.queueShaOf,
    rows: [
      ...fileFactRows(e.dir, false),
      [t.files, t.fileCount(e.count, e.subdirs)],
      [t.oldestMtime, oldestTime ?? none],
      [t.newestMtime, newestTime ?? none],
      [t.envelopes, decoderWords(e.decoder)],
    ],
    record: { kind: 'queue', ...fileRecord(e.dir), count: e.count, sha256: e.sha256, oldest: oldestTime, newest: newestTime },
  };
  return formatSection(header, body.join('\n'));
}
