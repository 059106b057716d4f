// Bundles the CLI into ONE file (dist/spoolrescue.mjs) that runs with plain node and no
// node_modules, so it can be copied onto a server whose disk is too full for npm install.
import { build } from 'esbuild';
import { readFileSync, mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const top = path.resolve(here, '..');
const pkg = JSON.parse(readFileSync(path.join(top, 'package.json'), 'utf8'));
const stubDir = path.join(top, 'dist', '.stubs');
mkdirSync(stubDir, { recursive: true });
// Ink loads react-devtools-core only when DEV=true; an empty stub keeps it out of the bundle.
writeFileSync(path.join(stubDir, 'devtools-stub.js'), 'export default {};\n');

const outfile = path.join(top, 'dist', 'spoolrescue.mjs');
await build({
  entryPoints: [path.join(top, 'src', 'cli.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  alias: { 'react-devtools-core': path.join(stubDir, 'devtools-stub.js') },
  define: {
    __SPOOLRESCUE_VERSION__: JSON.stringify(pkg.version),
    'process.env.NODE_ENV': '"production"',
  },
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __spoolrescueCreateRequire } from 'node:module';",
      'const require = __spoolrescueCreateRequire(import.meta.url);',
    ].join('\n'),
  },
});
chmodSync(outfile, 0o755);
