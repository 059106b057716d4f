// Bundles the CLI into ONE file (dist/spoolrescue.cjs; CommonJS, which starts faster than an ES
// module) that runs with plain node and no node_modules, so it can be copied onto a server whose
// disk is too full for npm install; then the single executable with Node inside
// (dist/spoolrescue-linux-x64, its .xz/.gz and .sha256) for servers with no Node 20, the npm
// layout (dist/spoolrescue-npm.cjs and its chunk file: what bin/spoolrescue.cjs runs) and
// dist/THIRD-PARTY-NOTICES. `--bundle-only` stops after the bundle; `--no-compress` skips the
// compressed copy (slow; tests do not need it).
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { readFileSync, mkdirSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { buildExecutable } from './build/executable.mjs';
import { NODE_MODULES, chunkBodies, groupChunks, joinChunks, splitChunks } from './build/one-file.mjs';
import codeCacheRuns from '../bin/code-cache-runs.cjs';
import { storedCodeCaches } from './build/code-cache-runs.mjs';
import { bundledPackages, noticesText } from './build/third-party-notices.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const top = path.resolve(here, '..');
const dist = path.join(top, 'dist');
const pkg = JSON.parse(readFileSync(path.join(top, 'package.json'), 'utf8'));
const stubDir = path.join(dist, '.stubs');
mkdirSync(stubDir, { recursive: true });
// Ink loads react-devtools-core only when DEV=true; an empty stub keeps it out of the bundle.
writeFileSync(path.join(stubDir, 'devtools-stub.js'), 'export default {};\n');

// Node's modules are loaded with require() when first used, not imported: an import of a name an
// old Node lacks would fail before any code runs, and the version check must run first.
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(b) {
    b.onResolve({ filter: /^[a-z0-9_:/]+$/ }, (a) => {
      if (!builtins.has(a.path)) return undefined;
      // the stand-in's own require() is the real one (CommonJS's), left as it is
      return a.namespace === 'node-builtin' ? { path: a.path, external: true } : { path: a.path, namespace: 'node-builtin' };
    });
    // each is noted as one of Node's modules: its namespace is then made without a copy (one-file.mjs)
    b.onLoad({ filter: /.*/, namespace: 'node-builtin' }, (a) => ({
      contents: `const m = require(${JSON.stringify(a.path)});\n(globalThis[${NODE_MODULES}] ??= new WeakSet()).add(m);\nmodule.exports = m;`,
      loader: 'js',
    }));
  },
};

const outfile = path.join(dist, 'spoolrescue.cjs');
// the ES module the bundle was before it became CommonJS: not left behind to be run by mistake
rmSync(path.join(dist, 'spoolrescue.mjs'), { force: true });
// split into the entry and lazily imported chunks (each command, the walk), then joined into one file
const chunkDir = path.join(dist, '.chunks');
rmSync(chunkDir, { recursive: true, force: true });
writeFileSync(path.join(stubDir, 'spoolrescue-entry.js'), `import ${JSON.stringify(path.join(top, 'src/cli.ts'))};\n`);
const banner = '#!/usr/bin/env node';
// The Node version check (bin/node-version.cjs) at the top of the one file and of the npm main:
// it runs before any chunk is compiled (a chunk's syntax is Node 16's), and the mains themselves
// parse on any Node from 6 on, so an old Node stops with its one line. In the npm main it also
// spares bin/spoolrescue.cjs a second file to load (~0.7 ms at every start).
const nodeVersionCheck = `(function (module) {\n${readFileSync(path.join(top, 'bin', 'node-version.cjs'), 'utf8')}})({ exports: {} });\n`;
const result = await build({
  entryPoints: [path.join(stubDir, 'spoolrescue-entry.js')],
  outdir: chunkDir,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  // syntax an old Node can parse, so that it gets as far as the version check
  target: 'node16',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  plugins: [builtinsByRequire],
  alias: { 'react-devtools-core': path.join(stubDir, 'devtools-stub.js') },
  define: {
    __SPOOLRESCUE_VERSION__: JSON.stringify(pkg.version),
    'process.env.NODE_ENV': '"production"',
  },
});
const split = await chunkBodies({ outdir: chunkDir, entry: 'spoolrescue-entry.js' });
// what every start loads is one group, df's own chunks another (the first command, and the one
// started most), what df adds to print text a third
const groups = [['group-start.js', split.atStart], ['group-df.js', split.dfChunks], ['group-df-text.js', split.dfTextChunks]];
const { bodies, atStart, keptPlain } = groupChunks({ ...split, groups });
// V8's code caches beside the one file, made by this Node and used when the same Node runs it: the
// chunks the first commands run cached after real runs of the file (built first without them)
const caches = storedCodeCaches({
  bodies,
  store: path.join(dist, '.code-cache'),
  train: () => {
    rmSync(`${outfile}.code-cache`, { force: true });
    writeFileSync(outfile, joinChunks({ bodies, atStart, keptPlain, banner, prelude: nodeVersionCheck }));
    return codeCacheRuns.trainedCodeCaches(outfile, (line) => process.stderr.write(`${line}\n`));
  },
});
writeFileSync(`${outfile}.code-cache`, caches.bytes);
// the one file uses a cache only when no one but its owner may write it (a umask of 002 would not do)
chmodSync(`${outfile}.code-cache`, 0o644);
writeFileSync(outfile, joinChunks({ bodies, atStart, keptPlain, banner, prelude: nodeVersionCheck }));
chmodSync(outfile, 0o755);
// the npm layout beside it (bin/spoolrescue.cjs runs it): a small main, the chunks in a file of
// their own, the same code caches
const npm = splitChunks({ bodies, banner: '// spoolrescue, as npm installs it: bin/spoolrescue.cjs runs this main, whose chunks are in spoolrescue-npm.chunks', prelude: nodeVersionCheck, chunkFile: 'spoolrescue-npm.chunks', codeCacheFile: 'spoolrescue.cjs.code-cache' });
writeFileSync(path.join(dist, 'spoolrescue-npm.chunks'), npm.chunks, { mode: 0o644 });
chmodSync(path.join(dist, 'spoolrescue-npm.chunks'), 0o644);
writeFileSync(path.join(dist, 'spoolrescue-npm.cjs'), npm.main);
writeFileSync(path.join(dist, 'THIRD-PARTY-NOTICES'), noticesText(bundledPackages(top, result.metafile)));

if (!process.argv.includes('--bundle-only')) {
  const compressCopy = !process.argv.includes('--no-compress');
  await buildExecutable({ top, dist, chunks: bodies, codeCaches: caches.each, compressCopy, log: (line) => process.stderr.write(`${line}\n`) });
}
