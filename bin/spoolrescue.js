#!/usr/bin/env node
// Entry for npm start, npx and global installs: checks the Node version, then runs the bundled CLI in dist/.
import './node-version.js';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/spoolrescue.cjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write(`spoolrescue: ${bundle} is missing; run 'npm run build' (or 'npm install') first\n`);
  process.exit(1);
}
// the bundle is CommonJS (it starts faster than an ES module)
createRequire(import.meta.url)(bundle);
