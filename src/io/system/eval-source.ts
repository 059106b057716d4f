// Source text for code that runs in another thread or process (worker `eval`, `node -e`): the one
// way that works the same from the single bundled file and from the TypeScript sources under test.

// Calls fn's own source text with the argument expressions given (evaluated over there, e.g.
// "require('node:fs')"); helpers are defined first under their own names, so an argument can
// name one. fn and helpers must be self-contained. Transpilers that keep function names (tsx,
// esbuild keepNames) wrap inner functions in a __name() helper that lives outside them, so a
// stand-in is defined too.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function callSource(fn: (...args: any[]) => unknown, helpers: readonly ((...args: any[]) => unknown)[], ...argExpressions: string[]): string {
  const defs = helpers.map((h) => `${h.toString()}\n`).join('');
  return `(() => { const __name = (f) => f;\n${defs}return (${fn.toString()})(${argExpressions.join(', ')}); })()`;
}
