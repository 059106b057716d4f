'use strict';
// npm runs this once the package is installed (postinstall; `npm rebuild` runs it again after a
// Node upgrade). V8 takes a code cache only from a V8 like the one that made it: on another Node
// than the build's, the caches shipped in dist/ are refused and every start compiles its chunks
// from source (`df --json` ~5 ms more: 1.5-1.6x a bare Node start instead of ~1.4x). Then this
// makes them again with this Node, by the build's own runs (code-cache-runs.cjs: a miniature mail
// server in a temporary directory, nothing of the host's is read), and puts the new file in place
// of the old in one rename. It never fails the install: what it cannot do, it says in one line.
// ES2015 and nothing required before the Node version is known: npm installs a package on a Node
// older than its "engines" with a warning, and this must then say so and let the install end.
const fs = require('fs');
const path = require('path');

const dist = path.join(__dirname, '..', 'dist');
const MAIN = path.join(dist, 'spoolrescue-npm.cjs');
const CHUNKS = path.join(dist, 'spoolrescue-npm.chunks');
const CACHE = path.join(dist, 'spoolrescue.cjs.code-cache');
// The oldest Node the tool runs on (bin/node-version.cjs, which stops the process when required)
const NEEDED_MAJOR = 20;

// A JSON constant the build wrote into the npm main (`const NAME = VALUE;` on a line of its own).
function mainConstant(main, name) {
  const m = new RegExp(`^const ${name} = (.*);$`, 'm').exec(main);
  if (!m) throw new Error(`${MAIN} has no ${name}: not a main of this package's build`);
  return JSON.parse(m[1]);
}

// Every chunk's wrapped text, as the npm main reads it from its chunk file (name -> text).
function chunkTexts(main) {
  const header = mainConstant(main, '__chunkFileHeader');
  const at = mainConstant(main, '__chunkAt');
  const bytes = fs.readFileSync(CHUNKS);
  if (bytes.toString('latin1', 0, header.length) !== header) throw new Error(`${CHUNKS} is not of the same build as ${MAIN}`);
  return new Map(Object.entries(at).map(([name, [offset, length]]) => [name, bytes.toString('utf8', offset, offset + length)]));
}

// Writes BYTES as CACHE: a new file beside it (never through a link someone put there), renamed over it.
function replaceCacheFile(bytes) {
  const next = path.join(dist, `.spoolrescue.cjs.code-cache.${process.pid}`);
  try {
    fs.writeFileSync(next, bytes, { flag: 'wx', mode: 0o644 });
    // the loaders take a cache only when no one but its owner may write it (a umask of 002 would not do)
    fs.chmodSync(next, 0o644);
    fs.renameSync(next, CACHE);
  } catch (e) {
    fs.rmSync(next, { force: true });
    throw e;
  }
}

// 'absent' (no build: a clone before `npm run build`, which makes its caches), 'fit' (this Node
// takes the caches shipped), or 'made' (made again for this Node).
function installCodeCaches({ log, nodeArgs = process.execArgv } = {}) {
  if (!fs.existsSync(MAIN)) return 'absent';
  const { codeCachesFit, trainedCodeCaches } = require('./code-cache-runs.cjs');
  const { codeCacheFileBytes, chunkCodeCaches } = require('./code-cache-file.cjs');
  if (codeCachesFit(MAIN, { nodeArgs })) return 'fit';
  const main = fs.readFileSync(MAIN, 'utf8');
  const header = mainConstant(main, '__codeCacheHeader');
  const texts = chunkTexts(main);
  replaceCacheFile(codeCacheFileBytes(header, chunkCodeCaches(texts, trainedCodeCaches(MAIN, log, { nodeArgs }))).bytes);
  return 'made';
}

if (require.main === module) {
  const say = (line) => process.stderr.write(`spoolrescue: ${line}\n`);
  if (Number.parseInt(process.versions.node, 10) < NEEDED_MAJOR) {
    say(`code caches not made: this is Node ${process.versions.node}, the tool needs Node ${NEEDED_MAJOR} or later (or the executable spoolrescue-linux-x64, which needs no Node)`);
  } else {
    // Ctrl-C or a kill does not end this process at once: the run under way gets it too and ends,
    // which stops the training, so that the temporary directories are removed and the old caches
    // stay whole; the exit status then says it was stopped
    const wait = () => {};
    process.on('SIGINT', wait).on('SIGTERM', wait);
    try {
      if (installCodeCaches({ log: say }) === 'made') say(`code caches made for this Node (${process.version}, V8 ${process.versions.v8})`);
    } catch (e) {
      say(`code caches not made for this Node (${(e && e.message) || e}); it runs as well, each start a few milliseconds slower`);
      if (e && e.signal) process.exitCode = 128 + require('os').constants.signals[e.signal];
    }
  }
}

module.exports = { installCodeCaches };
