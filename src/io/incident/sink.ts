import fs from 'node:fs';
import type { IncidentRecord } from '../../core/incident/records.js';
import { SealReader, sealSection } from '../../core/incident/seal.js';
import { IncidentFileRefused, openIncidentForAppend, openIncidentForRead } from './file.js';
import { incidentIoText } from './messages.js';

// Where a section of the incident file ended up: all of it, part of it (disk full mid-way), or none.
export interface AppendResult {
  ok: boolean;
  bytesWritten: number;
  /** errno code when a write failed (ENOSPC, EROFS, EACCES, ...). */
  errorCode?: string;
  message?: string;
}

// Appends one Markdown section to the incident file, framed and sealed (sealSection) so a later
// step trusts only what this tool wrote and finished; opened the one safe way (openIncidentForAppend:
// no symlink, no FIFO, nobody else's file, new files O_EXCL 0600), never truncated (O_APPEND),
// fsynced before returning so a crash or power loss right after keeps the evidence.
export function appendIncidentSection(file: string, markdown: string): AppendResult {
  const data = Buffer.from(sealSection(markdown));
  let fd: number;
  try {
    fd = openIncidentForAppend(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { ok: false, bytesWritten: 0, errorCode: err.code, message: err instanceof IncidentFileRefused ? err.message : incidentIoText().cannotOpenIncident(file, err.message) };
  }
  let written = 0;
  try {
    while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written);
    fs.fsyncSync(fd);
    return { ok: true, bytesWritten: written };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    try {
      fs.fsyncSync(fd);
    } catch {
      // keep what the kernel has
    }
    return { ok: false, bytesWritten: written, errorCode: err.code, message: incidentIoText().writeFailed(file, written, data.length, err.message) };
  } finally {
    fs.closeSync(fd);
  }
}

// The bytes one section will take in the incident file (to check there is room before acting).
export function sealedSectionBytes(markdown: string): number {
  return Buffer.byteLength(sealSection(markdown));
}

// Reads the records of the sections this tool wrote and sealed, line by line in bounded memory;
// forged record lines (inside captured text) and half-written sections are not returned. A
// missing file has none; a file that fails the ownership rules is refused (IncidentFileRefused).
export async function readIncidentRecords(file: string, signal?: AbortSignal): Promise<IncidentRecord[]> {
  const fd = openIncidentForRead(file);
  if (fd === null) return [];
  const stream = fs.createReadStream('', { fd, highWaterMark: 1 << 20 });
  const reader = new SealReader();
  let rest: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      let buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
      let nl: number;
      while ((nl = buf.indexOf(0x0a)) !== -1) {
        reader.line(buf.subarray(0, nl));
        buf = buf.subarray(nl + 1);
      }
      // frame lines are short: a longer line is body text, hashed in pieces
      if (buf.length > 1 << 20) {
        reader.partial(buf);
        rest = Buffer.alloc(0);
      } else rest = Buffer.from(buf);
    }
    if (rest.length) reader.line(rest);
    reader.end();
  } finally {
    stream.destroy();
  }
  return reader.records;
}
