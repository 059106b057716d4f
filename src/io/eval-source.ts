// Source text for code that runs in another thread or process (worker `eval`, `node -e`): the one
// way that works the same from the single bundled file and from the TypeScript sources under test.

// Calls fn's own source text with the argument expressions given (evaluated over there, e.g.
// "require('node:fs')"). fn must be self-contained. Transpilers that keep function names (tsx,
// esbuild keepNames) wrap inner functions in a __name() helper that lives outside fn, so a
// stand-in is defined first.
export function callSource(fn: (...args: never[]) => unknown, ...argExpressions: string[]): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()}); })()(${argExpressions.join(', ')})`;
}
