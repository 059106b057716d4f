#!/usr/bin/env node
'use strict';
// Entry for npm start, npx and global installs: checks the Node version, then runs the bundled CLI
// in dist/ in its npm layout (a small main and its chunk file: Node does not read and scan the
// one file's megabyte at each start). CommonJS like the bundle: an ES module entry made Node start
// its ES module loader first, ~7 ms more at every start of every command.
require('./node-version.cjs');
const { existsSync } = require('node:fs');
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'dist', 'spoolrescue-npm.cjs');
if (!existsSync(bundle)) {
  process.stderr.write(`spoolrescue: ${bundle} is missing; run 'npm run build' (or 'npm install') first\n`);
  process.exit(1);
}
require(bundle);
