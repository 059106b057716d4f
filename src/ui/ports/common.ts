// Shared shapes of the walk's ports.

// Options every long operation takes: Ctrl-C / Esc abort it, progress goes to the screen.
export interface TaskOptions<P> {
  signal: AbortSignal;
  onProgress?: (progress: P) => void;
}
