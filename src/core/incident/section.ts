import crypto from 'node:crypto';
import { inlineText } from './capture-text.js';
import { sectionText } from './section-messages.js';

// The facts every incident section starts with, whatever step wrote it (capture, truncate, purge):
// a person pasting it into a report must see where, when, what, and a hash to prove the bytes.
export interface SectionHeader {
  /** Step that wrote the section: "capture", "truncate", "purge". */
  step: string;
  /** Short title, e.g. "mbox /var/spool/mail/root". */
  title: string;
  host: string;
  /** When it was written. */
  time: Date;
  /** What was captured or done, one sentence. */
  what: string;
  /** Where from: the system path, with the host path when --root maps it elsewhere. */
  source: string;
  /** SHA-256 (hex) of the captured bytes; null when the step captured no bytes. */
  sha256: string | null;
  /** What the hash covers, e.g. "the 10 captured messages, in the order shown". */
  sha256Of?: string;
  /** More rows for the header table. */
  rows?: [string, string][];
  /** Machine-readable facts a later step looks for (truncate finds its capture by these). */
  record?: Record<string, unknown>;
}

// Hex SHA-256 of byte strings taken in order, so one hash proves every captured piece.
export function sha256Hex(parts: readonly Uint8Array[]): string {
  const h = crypto.createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
}

// Marker a later step parses: an HTML comment (invisible once rendered) holding one JSON object.
export const RECORD_PREFIX = '<!-- spoolrescue-record ';

// Formats the marker line; '>' is escaped inside the JSON so no value can close the comment.
function recordLine(record: Record<string, unknown>): string {
  return `${RECORD_PREFIX}${JSON.stringify(record).replace(/>/g, '\\u003e')} -->`;
}

// Formats a section's heading and header table; the body follows it. Exported for every step that
// appends to the incident file, so all sections look and parse alike.
export function formatSectionHeader(h: SectionHeader): string {
  const t = sectionText();
  const sha = h.sha256 ? (h.sha256Of ? t.shaOf(`\`${h.sha256}\``, inlineText(h.sha256Of)) : `\`${h.sha256}\``) : t.noBytes;
  const rows: [string, string][] = [
    [t.host, h.host],
    [t.time, t.utc(h.time.toISOString())],
    [t.what, h.what],
    [t.from, h.source],
  ];
  const cells = [...rows, ...(h.rows ?? [])].map(([k, v]) => `| ${k} | ${inlineText(v)} |`);
  const lines = ['', t.heading(h.step, inlineText(h.title)), '', '| | |', '|---|---|', ...cells.slice(0, rows.length), `| SHA-256 | ${sha} |`, ...cells.slice(rows.length), ''];
  if (h.record) lines.push(recordLine({ step: h.step, time: h.time.toISOString(), ...h.record }), '');
  return lines.join('\n');
}

// A whole section: header, then body paragraphs (already Markdown), ending with a newline.
export function formatSection(h: SectionHeader, body: string): string {
  const text = formatSectionHeader(h) + '\n' + body;
  return text.endsWith('\n') ? text : text + '\n';
}
