import { RECORD_PREFIX } from './section.js';

// A machine-readable record found in the incident file (see recordLine).
export type IncidentRecord = Record<string, unknown> & { step?: string; kind?: string; path?: string; dev?: number; ino?: number };

// Parses one line of the incident file; null when it is not a record (or a damaged one).
export function parseRecordLine(line: string): IncidentRecord | null {
  if (!line.startsWith(RECORD_PREFIX)) return null;
  const end = line.lastIndexOf(' -->');
  if (end === -1) return null;
  try {
    const v = JSON.parse(line.slice(RECORD_PREFIX.length, end));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as IncidentRecord) : null;
  } catch {
    return null;
  }
}

// True when a record is a capture of this very file: same path, same device and inode (a spool
// deleted and recreated under the same name is another file whose bytes were never captured).
export function isCaptureOf(r: IncidentRecord, spool: { path: string; dev: number; ino: number }): boolean {
  return r.step === 'capture' && (r.kind === 'mbox' || r.kind === 'raw' || r.kind === 'log') && r.path === spool.path && r.dev === spool.dev && r.ino === spool.ino;
}
