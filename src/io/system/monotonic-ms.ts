// Milliseconds on a monotonic clock, as performance.now() counts them, without its cost at start:
// the global `performance` loads perf_hooks (eleven of Node's modules, ~3 ms CPU) on first use,
// paid by every `df` for one elapsed time. Only differences between two readings mean anything.
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
