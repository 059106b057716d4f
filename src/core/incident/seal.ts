import crypto from 'node:crypto';
import { parseRecordLine, type IncidentRecord } from './records.js';
import { RECORD_PREFIX } from './section.js';

// Which records of an incident file a later step may trust (truncate looks for its capture): only
// sections this tool wrote and finished. Every section is framed by a begin line and a seal line
// that both carry U+2063 (INVISIBLE SEPARATOR) right after "<!--". Every text that reaches the
// incident file is escaped so that it never holds that code point raw (sealSection re-escapes it
// in whatever it is given), so captured mail cannot forge a frame. The seal carries the SHA-256 of
// the section from its begin line, so a section cut short (ENOSPC) or altered later has no valid
// seal, and the record it vouches for.

const MARK = '\u2063';
// The line that opens every section (also a reader's reset point after a section cut short).
const BEGIN_LINE = `<!--${MARK}spoolrescue-begin -->`;
const SEAL_PREFIX = `<!--${MARK}spoolrescue-seal `;
const SEAL_SUFFIX = ' -->';

// The first record line of a section: the one formatSectionHeader writes, ahead of any body text.
function firstRecord(markdown: string): IncidentRecord | null {
  for (const line of markdown.split('\n')) if (line.startsWith(RECORD_PREFIX)) return parseRecordLine(line);
  return null;
}

// The exact text appended for one section: a line end (so a half-written previous section cannot
// swallow the begin line), the begin line, the section with U+2063 escaped, the seal.
export function sealSection(markdown: string): string {
  const body = markdown.replaceAll(MARK, '\\u{2063}');
  const framed = `${BEGIN_LINE}\n${body.endsWith('\n') ? body : body + '\n'}`;
  const sha256 = crypto.createHash('sha256').update(framed, 'utf8').digest('hex');
  const seal = JSON.stringify({ sha256, record: firstRecord(markdown) }).replace(/>/g, '\\u003e');
  return `\n${framed}${SEAL_PREFIX}${seal}${SEAL_SUFFIX}\n`;
}

// Reads an incident file line by line (raw bytes, without the line end) and keeps the records of
// sections whose seal matches the bytes since their begin line.
export class SealReader {
  private hash: crypto.Hash | null = null;
  readonly records: IncidentRecord[] = [];
  /** Sections begun but never sealed, or sealed with a hash that does not match. */
  broken = 0;

  private longLine = false;

  // The start of a line too long to be a frame line: hashed as it comes (bounded memory).
  partial(bytes: Buffer): void {
    this.longLine = true;
    this.hash?.update(bytes);
  }

  // One whole line (or the end of a long one), without its line end.
  line(bytes: Buffer): void {
    if (this.longLine) {
      this.longLine = false;
      this.hash?.update(bytes).update('\n');
      return;
    }
    const text = bytes.toString('utf8');
    if (text === BEGIN_LINE) {
      if (this.hash) this.broken++;
      this.hash = crypto.createHash('sha256').update(bytes).update('\n');
      return;
    }
    if (text.startsWith(SEAL_PREFIX) && text.endsWith(SEAL_SUFFIX)) {
      const h = this.hash;
      this.hash = null;
      const seal = parseSeal(text.slice(SEAL_PREFIX.length, -SEAL_SUFFIX.length));
      if (h && seal && seal.sha256 === h.digest('hex')) {
        if (seal.record) this.records.push(seal.record);
      } else this.broken++;
      return;
    }
    this.hash?.update(bytes).update('\n');
  }

  // Call at the end of the file: a section still open was cut short.
  end(): void {
    if (this.hash) this.broken++;
    this.hash = null;
  }
}

function parseSeal(json: string): { sha256: string; record: IncidentRecord | null } | null {
  try {
    const v = JSON.parse(json) as { sha256?: unknown; record?: unknown };
    if (typeof v.sha256 !== 'string') return null;
    const record = v.record && typeof v.record === 'object' && !Array.isArray(v.record) ? (v.record as IncidentRecord) : null;
    return { sha256: v.sha256, record };
  } catch {
    return null;
  }
}
