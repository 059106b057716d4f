import fs from 'node:fs';
import zlib from 'node:zlib';
import type { OpenedLog } from './open-log.js';

// The bytes of a log as big chunks (plain: 4 MB preads with the next read already under way;
// gzip: node:zlib on the thread pool, so decompressing overlaps with scanning), with the
// file bytes consumed so far for progress (compressed bytes for .gz).
export interface LogChunk {
  data: Buffer;
  fileBytesDone: number;
}

// Plain reads are this big: few syscalls, and the scanner cuts them into small strings anyway.
const CHUNK_BYTES = 4 << 20;
// gzip: compressed reads and zlib's output buffers are this big. Each output chunk is a new
// Buffer outside V8's heap, freed only by a later GC: 1 MB chunks piled up to ~20 MB more peak
// RSS than the plain pass over the same log; the scanner takes 64 KB slices anyway.
const GZIP_CHUNK_BYTES = 256 << 10;

function readInto(fd: number, buf: Buffer, pos: number): Promise<number> {
  return new Promise((resolve, reject) => fs.read(fd, buf, 0, buf.length, pos, (err, n) => (err ? reject(err) : resolve(n))));
}

// Plain file chunks up to the size taken at open (lines appended later are not read).
async function* plainChunks(log: OpenedLog, signal?: AbortSignal): AsyncGenerator<LogChunk> {
  const bufs = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
  let pos = 0;
  let k = 0;
  let next = log.size > 0 ? readInto(log.fd, bufs[0], 0) : null;
  while (next) {
    const n = await next;
    if (n === 0) break;
    const data = bufs[k].subarray(0, Math.min(n, log.size - pos));
    pos += data.length;
    k ^= 1;
    next = pos < log.size && !signal?.aborted ? readInto(log.fd, bufs[k], pos) : null;
    yield { data, fileBytesDone: pos };
    if (signal?.aborted) break;
  }
  if (next) await next.catch(() => 0);
}

// Decompressed chunks of a gzip file (several members, as logrotate may append, are read on).
async function* gzipChunks(log: OpenedLog, signal?: AbortSignal): AsyncGenerator<LogChunk> {
  const input = fs.createReadStream('', { fd: log.release(), autoClose: true, start: 0, highWaterMark: GZIP_CHUNK_BYTES });
  const gunzip = zlib.createGunzip({ chunkSize: GZIP_CHUNK_BYTES });
  input.pipe(gunzip);
  const stop = () => gunzip.destroy(new Error('aborted'));
  signal?.addEventListener('abort', stop);
  try {
    for await (const data of gunzip as AsyncIterable<Buffer>) {
      yield { data, fileBytesDone: input.bytesRead };
      if (signal?.aborted) break;
    }
  } catch (e) {
    if (!signal?.aborted) throw e;
  } finally {
    signal?.removeEventListener('abort', stop);
    input.unpipe(gunzip);
    input.destroy();
    gunzip.destroy();
  }
}

// The chunks of an opened log, plain or gzip.
export function logChunks(log: OpenedLog, signal?: AbortSignal): AsyncGenerator<LogChunk> {
  return log.gzip ? gzipChunks(log, signal) : plainChunks(log, signal);
}
