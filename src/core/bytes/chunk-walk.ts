import type { ByteSource } from './byte-source.js';

// A window of the file: `data` covers [start, start + data.length); positions of interest are
// those in [from, to) — the rest is overlap, so a pattern straddling two chunks is seen whole.
export interface Chunk {
  start: number;
  data: Buffer;
  from: number;
  to: number;
}

// Walks the source forward in fixed chunks from `pos`, each padded by `before` bytes in front and
// `after` bytes behind, so a match can look around a position without caring about chunk edges.
export async function* chunksForward(src: ByteSource, pos: number, chunkSize: number, before: number, after: number, signal?: AbortSignal): AsyncGenerator<Chunk> {
  for (let from = pos; from < src.size; from += chunkSize) {
    signal?.throwIfAborted();
    const to = Math.min(src.size, from + chunkSize);
    const start = Math.max(0, from - before);
    const data = await src.read(start, Math.min(src.size, to + after) - start);
    yield { start, data, from, to };
  }
}

// Walks the source backward in fixed chunks ending at `end`, with the same padding: memory stays
// one chunk whatever the file size, and reading stops as soon as the caller has what it needs.
export async function* chunksBackward(src: ByteSource, end: number, chunkSize: number, before: number, after: number, signal?: AbortSignal): AsyncGenerator<Chunk> {
  for (let to = Math.min(end, src.size); to > 0; to -= chunkSize) {
    signal?.throwIfAborted();
    const from = Math.max(0, to - chunkSize);
    const start = Math.max(0, from - before);
    const data = await src.read(start, Math.min(src.size, to + after) - start);
    yield { start, data, from, to };
  }
}
