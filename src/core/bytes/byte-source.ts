// Random access to a file's bytes, injected so the capture logic stays pure and tests can feed
// buffers: `size` is fixed when the source is opened (appends after that are not read).
export interface ByteSource {
  /** Bytes the reader may look at: the size taken when the capture started. */
  readonly size: number;
  /** Reads [pos, pos+len) clipped to size; may return fewer bytes only at the end. */
  read(pos: number, len: number): Promise<Buffer>;
}

// Progress and cancellation every long read accepts.
export interface ReadControl {
  signal?: AbortSignal;
  /** Bytes read so far and the total the read may reach. */
  onProgress?: (bytesRead: number, bytesTotal: number) => void;
}
