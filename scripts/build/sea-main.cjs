'use strict';
// Main of the single executable (dist/spoolrescue-linux-x64), a template: the build puts the chunk
// loader of scripts/build/one-file.mjs where the LOADER line is, the chunk names where CHUNKS is
// and the names of those with a V8 code cache (an asset "code-cache:NAME") where CACHED is. Each
// chunk of the bundle is an asset of the executable, read (never decoded from base64, never
// parsed as one big module) when it is first required: Node's SEA runs a CommonJS main,
// whose require() loads Node's own modules, all the bundle needs. Inside the executable
// process.execPath is the tool itself, so the helper process the tool starts as
// `process.execPath -e SOURCE -- ARGS` (statfs with a deadline) lands here too: that shape runs
// SOURCE the way `node -e` would (argv without the source).
const argv = process.argv;
if (argv[2] === '-e' && typeof argv[3] === 'string') {
  const rest = argv.slice(4);
  if (rest[0] === '--') rest.shift();
  process.argv = [argv[0], ...rest];
  new Function('require', argv[3])(require);
} else {
  const { getAsset } = require('node:sea');
  const __chunkNames = new Set(/* CHUNKS */);
  const __chunkSource = (name) => (__chunkNames.has(name) ? getAsset(name, 'utf8') : undefined);
  const __cachedNames = new Set(/* CACHED */);
  const __chunkCodeCache = (name) => (__cachedNames.has(name) ? Buffer.from(getAsset(`code-cache:${name}`)) : undefined);
  /* LOADER */
  __chunkImport('./__entry.js').catch((e) => {
    process.stderr.write(`spoolrescue: the executable could not start its bundle: ${e && e.message}\n`);
    process.exit(1);
  });
}
