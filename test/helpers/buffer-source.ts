import type { ByteSource } from '../../src/core/bytes/byte-source.js';

// A ByteSource over a buffer, so the pure capture logic can be fed bytes without a file.
export function bufferSource(buf: Buffer): ByteSource {
  return {
    size: buf.length,
    async read(pos, len) {
      return buf.subarray(Math.max(0, pos), Math.min(buf.length, pos + len));
    },
  };
}
