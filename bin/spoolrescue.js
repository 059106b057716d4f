#!/usr/bin/env node
// Entry for npm start, npx and global installs: checks the Node version, then runs the bundled CLI in dist/.
import './node-version.js';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/spoolrescue.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write(`spoolrescue: ${bundle} is missing; run 'npm run build' (or 'npm install') first\n`);
  process.exit(1);
}
await import(pathToFileURL(bundle).href);
