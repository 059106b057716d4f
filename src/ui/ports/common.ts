// Shared shapes of the walk's ports: a missing capability, and options of long operations.

// A part of the walk whose core is not in this build: the screen says so, nothing is faked.
export interface Unavailable {
  readonly unavailable: string;
}

// Either the capability or the reason it is missing.
export type Maybe<T> = T | Unavailable;

// Narrows a Maybe to the capability.
export function isAvailable<T extends object>(p: Maybe<T>): p is T {
  return !('unavailable' in p);
}

// Options every long operation takes: Ctrl-C / Esc abort it, progress goes to the screen.
export interface TaskOptions<P> {
  signal: AbortSignal;
  onProgress?: (progress: P) => void;
}
