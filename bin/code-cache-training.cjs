'use strict';
// Run as `node code-cache-training.cjs BUNDLE OUTDIR ARGS...` (by code-cache-runs.cjs, at build
// time and at install): runs BUNDLE (the one file or the npm main) once with ARGS (a command an
// operator runs first: --version, --help, df, hotspots) and, as it exits, writes V8's code cache of
// every chunk it compiled to OUTDIR/NAME, and to OUTDIR/.compiles.json each compile as [name, a
// cache was given, V8 refused it]. A cache made after a run holds the functions the run compiled;
// one made at compile time holds the top level only, and df --json then compiled the rest at each
// start (~3 ms CPU of its ~15 above a bare Node start).
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const [bundle, outDir, ...args] = process.argv.slice(2);
const PREFIX = 'spoolrescue:';
const compiled = [];
// Ctrl-C or a kill ends the run at once, before the tool's own handler (which would stop it
// cleanly and let the training go on), and with the status that says so (128 + the signal)
let stoppedBy;
for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(signal, () => {
    stoppedBy = signal;
    process.exit(status);
  });
}
const Script = vm.Script;
vm.Script = class extends Script {
  constructor(code, options) {
    super(code, options);
    if (typeof options?.filename === 'string' && options.filename.startsWith(PREFIX)) compiled.push([options.filename.slice(PREFIX.length), this, options.cachedData !== undefined]);
  }
};
process.on('exit', () => {
  if (stoppedBy) return;
  for (const [name, script] of compiled) fs.writeFileSync(path.join(outDir, name), script.createCachedData());
  fs.writeFileSync(path.join(outDir, '.compiles.json'), JSON.stringify(compiled.map(([name, script, given]) => [name, given, script.cachedDataRejected === true])));
});
process.argv = [process.argv[0], bundle, ...args];
require(bundle);
