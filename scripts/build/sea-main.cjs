'use strict';
// Main of the single executable (dist/spoolrescue-linux-x64): Node's SEA runs a CommonJS main, so
// this takes the ESM bundle from the executable's assets and imports it through a data: URL (top-
// level await and all). Inside the executable process.execPath is the tool itself, so the helper
// process the tool starts as `process.execPath -e SOURCE -- ARGS` (statfs with a deadline) lands
// here too: that shape runs SOURCE the way `node -e` would (argv without the source).
const argv = process.argv;
if (argv[2] === '-e' && typeof argv[3] === 'string') {
  const rest = argv.slice(4);
  if (rest[0] === '--') rest.shift();
  process.argv = [argv[0], ...rest];
  new Function('require', argv[3])(require);
} else {
  const { getAsset } = require('node:sea');
  const source = getAsset('spoolrescue.mjs', 'utf8');
  import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`).catch((e) => {
    process.stderr.write(`spoolrescue: the executable could not start its bundle: ${e && e.message}\n`);
    process.exit(1);
  });
}
