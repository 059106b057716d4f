import fs from 'node:fs';
import readline from 'node:readline';
import { parseRecordLine, type IncidentRecord } from '../core/incident-records.js';

// Where a section of the incident file ended up: all of it, part of it (disk full mid-way), or none.
export interface AppendResult {
  ok: boolean;
  bytesWritten: number;
  /** errno code when a write failed (ENOSPC, EROFS, EACCES, ...). */
  errorCode?: string;
  message?: string;
}

// Appends one Markdown section to the incident file: created 0600, never truncated (O_APPEND),
// fsynced before returning so a crash or power loss right after keeps the evidence.
export function appendIncidentSection(file: string, markdown: string): AppendResult {
  const data = Buffer.from(markdown.endsWith('\n') ? markdown : markdown + '\n');
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT | fs.constants.O_NOFOLLOW, 0o600);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { ok: false, bytesWritten: 0, errorCode: err.code, message: `cannot open incident file ${file}: ${err.message}` };
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
    return { ok: false, bytesWritten: written, errorCode: err.code, message: `writing incident file ${file} failed after ${written} of ${data.length} bytes: ${err.message}` };
  } finally {
    fs.closeSync(fd);
  }
}

// Reads the machine-readable records of an incident file line by line (bounded memory however
// many sections it holds); a missing file has none.
export async function readIncidentRecords(file: string, signal?: AbortSignal): Promise<IncidentRecord[]> {
  let stream: fs.ReadStream;
  try {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    stream = fs.createReadStream('', { fd, encoding: 'utf8' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: IncidentRecord[] = [];
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      signal?.throwIfAborted();
      const r = parseRecordLine(line);
      if (r) out.push(r);
    }
  } finally {
    lines.close();
    stream.destroy();
  }
  return out;
}
