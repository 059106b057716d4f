import fs from 'node:fs';
import { Readable } from 'node:stream';

// The lines of an --ids-from list (a file or stdin), streamed in batches: a million-line list is
// never held whole, and a line past MAX_LINE (garbage, a binary file) is not collected either.

/** Stands for a line longer than MAX_LINE (no queue ID or --list line is that long). */
export const TOO_LONG_LINE = '\u0000';
/** A --list line of a message with thousands of recipients stays well below this. */
const MAX_LINE = 4 << 20;

// Where the lines come from and how big it is (for the ETA; unknown for a pipe).
export interface IdSource {
  stream: Readable;
  totalBytes?: number;
  /** Closed when the lines are read (a file opened here; not stdin). */
  owned: boolean;
}

// Opens the list: '-' is stdin, else a file or a pipe (`<(...)`); a directory throws EISDIR.
export function openIdSource(name: string, stdin: NodeJS.ReadableStream): IdSource {
  if (name === '-') return { stream: stdin instanceof Readable ? stdin : Readable.from(stdin), owned: false };
  const fd = fs.openSync(name, fs.constants.O_RDONLY);
  const st = fs.fstatSync(fd);
  if (st.isDirectory()) {
    fs.closeSync(fd);
    throw Object.assign(new Error(`EISDIR: ${name}`), { code: 'EISDIR' });
  }
  return { stream: fs.createReadStream('', { fd, highWaterMark: 1 << 20 }), totalBytes: st.isFile() ? st.size : undefined, owned: true };
}

// Yields the lines in batches, with the bytes read so far; stops between chunks on abort.
export async function* idLineBatches(src: IdSource, signal?: AbortSignal): AsyncGenerator<{ lines: string[]; bytes: number }> {
  // latin1: one char per byte, the cheapest decode; what is read from a line (queue names and
  // IDs) is ASCII, and anything else only refuses the line
  src.stream.setEncoding('latin1');
  let partial = '';
  let dropping = false;
  let bytes = 0;
  // Ctrl-C while waiting on a pipe that sends nothing more: end the read now, not at the next chunk
  const stop = () => src.stream.destroy();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    for await (const chunk of src.stream as AsyncIterable<string>) {
      if (signal?.aborted) return;
      bytes += chunk.length;
      const lines: string[] = [];
      let from = 0;
      for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', from)) {
        const piece = chunk.slice(from, nl);
        from = nl + 1;
        if (dropping) {
          dropping = false;
          continue;
        }
        lines.push(partial ? partial + piece : piece);
        partial = '';
      }
      if (!dropping) {
        partial += chunk.slice(from);
        if (partial.length > MAX_LINE) {
          lines.push(TOO_LONG_LINE);
          partial = '';
          dropping = true;
        }
      }
      yield { lines, bytes };
    }
    if (partial && !dropping) yield { lines: [partial], bytes };
  } catch (e) {
    // the destroyed stream ends its iteration with an error: an abort, not a failure
    if (!signal?.aborted) throw e;
  } finally {
    signal?.removeEventListener('abort', stop);
    if (src.owned) src.stream.destroy();
  }
}
