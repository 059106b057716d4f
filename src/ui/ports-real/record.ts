import os from 'node:os';
import { formatSection, sha256Hex } from '../../core/incident-section.js';
import { appendIncidentSection } from '../../io/incident-sink.js';
import { VERSION } from '../../version.js';
import type { RecordResult } from '../ports.js';

// The walk's own sections of the incident file (the disks it saw, its summary, a crash), with the
// same header as every other step's section and the SHA-256 of the body below the header.

// Appends one section; a failed write is a result with the reason, never an exception.
export async function recordSection(file: string, title: string, markdown: string): Promise<RecordResult> {
  const body = markdown.endsWith('\n') ? markdown : markdown + '\n';
  const sha256 = sha256Hex([Buffer.from(body)]);
  const text = formatSection(
    {
      step: 'walk',
      title,
      host: os.hostname(),
      time: new Date(),
      what: title,
      source: `the guided walk (spoolrescue ${VERSION})`,
      sha256,
      sha256Of: 'the text below this table',
    },
    body,
  );
  const r = appendIncidentSection(file, text);
  if (!r.ok) return { ok: false, incidentFile: file, message: r.message };
  return { ok: true, incidentFile: file, section: { title, sha256, bytes: Buffer.byteLength(body) } };
}
