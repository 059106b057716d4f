// Random access to a file's bytes, injected so the capture logic stays pure and tests can feed
// buffers: `size` is fixed when the source is opened (appends after that are not read).
export interface ByteSource {
  /** Bytes the reader may look at: the size taken when the capture started. */
  readonly size: number;
  /** Reads [pos, pos+len) clipped to size; may return fewer bytes only at the end. */
  read(pos: number, len: number): Promise<Buffer>;
}

// A ByteSource over a buffer, for unit tests and for small inputs already in memory.
export function bufferSource(buf: Buffer): ByteSource {
  return {
    size: buf.length,
    async read(pos, len) {
      return buf.subarray(Math.max(0, pos), Math.min(buf.length, pos + len));
    },
  };
}

// Progress and cancellation every long read accepts.
export interface ReadControl {
  signal?: AbortSignal;
  /** Bytes read so far and the total the read may reach. */
  onProgress?: (bytesRead: number, bytesTotal: number) => void;
}
