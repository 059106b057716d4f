import { escapeName } from '../text/escape-name.js';
import { fencedBlock, inlineText, showBytes } from './capture-text.js';
import { fileFactRows, fileRecord, modeText, sourceText, type FileFacts } from './file-facts.js';
import { formatSection, sha256Hex, type SectionHeader } from './section.js';
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
  error?: string;
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
  /** How envelopes were decoded: "postcat -c DIR", "native decoder (postcat not installed)", ... */
  decoder: string;
  sha256: string;
}

// SHA-256 over the captured first bytes of each listed file, oldest first then newest.
export function queueSha(oldest: readonly QueueFileEvidence[], newest: readonly QueueFileEvidence[]): string {
  return sha256Hex([...oldest, ...newest].map((f) => f.head));
}

function fileBlock(f: QueueFileEvidence): string {
  const lines = [`#### ${inlineText(escapeName(f.nameBytes ?? f.name))}: ${f.size} bytes, mtime ${new Date(f.mtimeMs).toISOString()}, ${f.uid}:${f.gid} ${modeText(f.mode)}`, ''];
  if (f.envelope) {
    const e = f.envelope;
    lines.push(`- arrival: ${inlineText(e.arrival ?? 'unknown')}`);
    lines.push(`- sender: ${inlineText(e.sender === null ? 'unknown' : e.sender === '' ? '<> (null sender, a bounce)' : e.sender)}`);
    lines.push(`- recipients (${e.recipients.length}): ${inlineText(e.recipients.slice(0, 20).join(', ') || 'none')}${e.recipients.length > 20 ? ', ...' : ''}`);
    for (const hdr of e.headers.slice(0, 6)) lines.push(`- header: ${inlineText(hdr)}`);
    lines.push(`- decoded by: ${f.decodedBy}`, '');
  } else {
    if (f.error) lines.push(`- ${inlineText(f.error)}`, '');
    if (f.head.length) lines.push(`First ${Math.min(f.head.length, 512)} bytes, escaped:`, '', fencedBlock(showBytes(f.head.subarray(0, 512))));
  }
  return lines.join('\n');
}

// The Markdown section for a queue directory: count, the oldest and newest files with envelopes.
export function queueSection(e: QueueEvidence, h: Pick<SectionHeader, 'host' | 'time'>): string {
  const oldestTime = e.oldest[0] ? new Date(e.oldest[0].mtimeMs).toISOString() : null;
  const newestTime = e.newest[0] ? new Date(e.newest[0].mtimeMs).toISOString() : null;
  const body: string[] = [];
  if (oldestTime) body.push(`${e.count} files; the oldest is from **${oldestTime}**, the newest from **${newestTime}** (file mtimes, UTC).`, '');
  else body.push('The directory holds no files.', '');
  if (e.oldest.length) body.push(`### Oldest ${e.oldest.length} files`, '', ...e.oldest.map(fileBlock));
  if (e.newest.length) body.push(`### Newest ${e.newest.length} files`, '', ...e.newest.map(fileBlock));
  const header: SectionHeader = {
    step: 'capture',
    title: `queue ${e.dir.systemPath}`,
    host: h.host,
    time: h.time,
    what: `entry count, oldest ${e.oldest.length} and newest ${e.newest.length} files by mtime${e.queueName ? ` of Postfix queue ${e.queueName}` : ''}`,
    source: sourceText(e.dir),
    sha256: e.sha256,
    sha256Of: 'the first bytes of each listed file, oldest then newest',
    rows: [
      ...fileFactRows(e.dir).filter(([k]) => k !== 'size'),
      ['files', `${e.count}${e.subdirs ? ` in ${e.subdirs} hash subdirectories` : ''}`],
      ['oldest mtime', oldestTime ?? 'none'],
      ['newest mtime', newestTime ?? 'none'],
      ['envelopes', e.decoder],
    ],
    record: { kind: 'queue', ...fileRecord(e.dir), count: e.count, sha256: e.sha256, oldest: oldestTime, newest: newestTime },
  };
  return formatSection(header, body.join('\n'));
}
