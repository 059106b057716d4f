#!/usr/bin/env node
'use strict';
// Entry for npm start, npx and global installs: runs the bundled CLI in dist/ in its npm layout (a
// small main and its chunk file: Node does not read and scan the one file's megabyte at each start).
// The main checks the Node version first (bin/node-version.cjs, built into it): one file for Node
// to resolve, read and compile here, not two. CommonJS like the bundle: an ES module entry made
// Node start its ES module loader first, ~7 ms more at every start of every command.
const bundle = `${__dirname}/../dist/spoolrescue-npm.cjs`;
try {
  require(bundle);
} catch (e) {
  if (!e || e.code !== 'MODULE_NOT_FOUND' || require('node:fs').existsSync(bundle)) throw e;
  process.stderr.write(`spoolrescue: ${require('node:path').resolve(bundle)} is missing; run 'npm run build' (or 'npm install') first\n`);
  process.exit(1);
}
