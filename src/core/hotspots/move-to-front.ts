// Moves a[from..] to the front of a queue array, the rest after it in order, with plain element
// stores. The scheduler did this with unshift(...splice()) over its three queue arrays at once,
// whose mixed kinds sent its optimised batch handler back to the interpreter mid-scan (traced
// with --trace-deopt), to be compiled again.
export function moveToFront<T>(a: T[], from: number): void {
  const moved = a.length - from;
  if (moved <= 0 || from === 0) return;
  const tail = a.slice(from);
  for (let i = from - 1; i >= 0; i--) a[i + moved] = a[i];
  for (let i = 0; i < moved; i++) a[i] = tail[i];
}
