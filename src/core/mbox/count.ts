import type { ByteSource, ReadControl } from '../bytes/byte-source.js';
import { chunksForward } from '../bytes/chunk-walk.js';
import { BOUNDARY_AFTER, BOUNDARY_BEFORE, boundariesInChunk } from './boundary.js';
import { DEFAULT_CHUNK } from './capture.js';

// Counts the messages of an mbox (only when asked: it reads the whole spool, with progress and
// Ctrl-C), in one chunk of memory, up to the size taken at start.
export async function countMboxMessages(src: ByteSource, o: ReadControl & { chunkSize?: number } = {}): Promise<number> {
  let n = 0;
  let read = 0;
  for await (const c of chunksForward(src, 0, o.chunkSize ?? DEFAULT_CHUNK, BOUNDARY_BEFORE, BOUNDARY_AFTER, o.signal)) {
    n += boundariesInChunk(c).length;
    read += c.to - c.from;
    o.onProgress?.(read, src.size);
  }
  return n;
}
