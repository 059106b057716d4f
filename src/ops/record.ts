import { recordText } from './messages/record.js';
import { formatSection, sha256Hex } from '../core/incident/section.js';
import type { appendIncidentSection } from '../io/incident/sink.js';

// The walk's own sections of the incident file (the disks it saw, its summary, a crash), with the
// same header as every other step's section and the SHA-256 of the body below the header.

// What was appended, or why not (a failed write is a result, never an exception).
export interface RecordOutcome {
  ok: boolean;
  incidentFile: string;
  section?: { title: string; sha256: string; bytes: number };
  message?: string;
}

// Who writes the section, when, and the one way to append it.
export interface RecordDeps {
  appendIncidentSection: typeof appendIncidentSection;
  host: string;
  now(): Date;
  /** Names the writer in the section's header, e.g. "the guided walk (spoolrescue 1.2.3)". */
  source: string;
}

// Appends one section written by the walk itself.
export function recordSection(file: string, title: string, markdown: string, deps: RecordDeps): RecordOutcome {
  const body = markdown.endsWith('\n') ? markdown : markdown + '\n';
  const sha256 = sha256Hex([Buffer.from(body)]);
  const text = formatSection({ step: 'walk', title, host: deps.host, time: deps.now(), what: title, source: deps.source, sha256, sha256Of: recordText().shaOf }, body);
  const r = deps.appendIncidentSection(file, text);
  if (!r.ok) return { ok: false, incidentFile: file, message: r.message };
  return { ok: true, incidentFile: file, section: { title, sha256, bytes: Buffer.byteLength(body) } };
}
