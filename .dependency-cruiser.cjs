// The import rules of src/ (docs/ARCHITECTURE.md): layers point down only, core does no I/O,
// front-ends do not reach into each other, and nothing imports in a circle. Run by `npm run lint`
// (scripts/lint.mjs), which also holds the baseline of violations known today (lint-baseline.json).
// Regenerate the baseline (it only ever shrinks): npm run lint -- --prune-baseline
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle: modules that cannot be understood, tested or moved one at a time.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'io-not-above',
      comment: 'io/ gathers facts and performs effects; it never imports the front-ends or the ops.',
      severity: 'error',
      from: { path: '^src/io/' },
      to: { path: '^src/(cli|commands|ui|ops)/' },
    },
    {
      name: 'core-no-io',
      comment: 'core/ is pure policy: no file system, no processes, no terminal, no layer above it.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: {
        path: [
          '^(node:)?(fs|child_process)(/|$)',
          '(^|/)node_modules/(execa|ink|react)/',
          '^(execa|ink|react)$',
          '^src/(io|cli|commands|ui|ops)/',
        ],
      },
    },
    {
      name: 'ops-not-front',
      comment: 'An op is shared by both front-ends, so it imports neither of them.',
      severity: 'error',
      from: { path: '^src/ops/' },
      to: { path: '^src/(cli|commands|ui)/' },
    },
    {
      name: 'commands-no-ui',
      comment: 'A command renders text; the TUI is the other front-end, reached only through the ops.',
      severity: 'error',
      from: { path: '^src/commands/' },
      to: { path: '^src/ui/' },
    },
    {
      name: 'commands-not-each-other',
      comment: 'A command is one file plus one registry line (and its words in commands/messages/); what two commands share lives in ops/core/io.',
      severity: 'error',
      from: { path: '^src/commands/', pathNot: '^src/commands/index\\.ts$' },
      to: { path: '^src/commands/', pathNot: '^src/commands/(index\\.ts$|messages/)' },
    },
    {
      name: 'ui-no-commands',
      comment: 'The TUI calls the ops, never the CLI commands.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/commands/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: an interface imported from a layer above is still a dependency on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
  },
};
