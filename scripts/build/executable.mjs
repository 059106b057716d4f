// Builds the single executable dist/spoolrescue-linux-x64 (Node's single executable application:
// this node binary with the bundle injected by postject), a compressed copy and its SHA-256 file,
// for servers with no Node, or a Node too old. Skips the slow steps when nothing changed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { chunkLoader, wrappedChunk } from './one-file.mjs';

const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

// The executable's file name for this platform (the one Node binary it is made from).
export function executableName() {
  return `spoolrescue-${process.platform}-${process.arch}`;
}

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${what} failed (${cmd} ${args.join(' ')}): ${r.error?.message ?? ''}${r.stderr}${r.stdout}`);
  return r;
}

function sha256OfFile(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

let nodeDigest;
// SHA-256 of the Node binary building (and inside the executable): the code caches and the
// executable are made again when it changes. Read once per build (~100 MB).
export function nodeBinarySha256() {
  nodeDigest ??= sha256OfFile(process.execPath);
  return nodeDigest;
}

function hasProgram(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

// Writes FILE.xz with xz when it is installed, else FILE.gz with node's zlib; returns its path.
async function compress(file) {
  rmSync(`${file}.xz`, { force: true });
  rmSync(`${file}.gz`, { force: true });
  if (hasProgram('xz')) {
    run('xz', ['-k', '-f', '-6', '-T2', file], 'xz');
    return `${file}.xz`;
  }
  await pipeline(createReadStream(file), createGzip({ level: 9 }), createWriteStream(`${file}.gz.part`));
  renameSync(`${file}.gz.part`, `${file}.gz`);
  return `${file}.gz`;
}

// The executable's main: scripts/build/sea-main.cjs with the chunk loader and the chunk names in.
function seaMain(chunks, cachedNames) {
  const chunkNames = [...chunks.keys()];
  const template = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sea-main.cjs'), 'utf8');
  const main = template.replace('/* CHUNKS */', JSON.stringify(chunkNames)).replace('/* CACHED */', JSON.stringify(cachedNames)).replace('/* LOADER */', chunkLoader(chunks));
  if (['/* CHUNKS */', '/* CACHED */', '/* LOADER */'].some((m) => main.includes(m)) || main === template) throw new Error('sea-main.cjs: markers missing');
  return main;
}

// Builds the executable beside the bundle from its chunks (name → CommonJS body, each an asset),
// with its compressed copy unless compressCopy is false (tests), and the .sha256 file; returns
// what it wrote (undefined where SEA does not apply).
export async function buildExecutable({ top, dist, chunks, codeCaches = new Map(), log, compressCopy = true }) {
  if (process.platform !== 'linux') {
    log(`executable: skipped (built on Linux only; this is ${process.platform})`);
    return undefined;
  }
  const work = path.join(dist, '.sea');
  mkdirSync(work, { recursive: true });
  const blob = path.join(work, 'spoolrescue.blob');
  const config = path.join(work, 'sea-config.json');
  const chunkDir = path.join(work, 'chunks');
  rmSync(chunkDir, { recursive: true, force: true });
  mkdirSync(chunkDir, { recursive: true });
  const assets = {};
  for (const [name, body] of chunks) {
    assets[name] = path.join(chunkDir, name);
    writeFileSync(assets[name], wrappedChunk(body));
  }
  // each chunk's V8 code cache, made by this Node, which is the executable's Node too
  for (const [name, data] of codeCaches) {
    assets[`code-cache:${name}`] = path.join(chunkDir, `${name}.code-cache`);
    writeFileSync(assets[`code-cache:${name}`], data);
  }
  const main = path.join(work, 'main.cjs');
  writeFileSync(main, seaMain(chunks, [...codeCaches.keys()]));
  writeFileSync(
    config,
    JSON.stringify({
      main,
      output: blob,
      disableExperimentalSEAWarning: true,
      // V8's code cache of the main (the loader): compiled at build time, not at each start
      useCodeCache: true,
      useSnapshot: false,
      assets,
    }),
  );
  run(process.execPath, ['--experimental-sea-config', config], 'writing the SEA blob');
  const exe = path.join(dist, executableName());
  const key = `${process.version} ${nodeBinarySha256()} ${sha256OfFile(blob)}\n`;
  const keyFile = path.join(work, 'key');
  if (existsSync(exe) && existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key) {
    log(`executable: ${path.relative(top, exe)} is up to date`);
  } else {
    const part = `${exe}.part`;
    copyFileSync(process.execPath, part);
    chmodSync(part, 0o755);
    const postject = path.join(top, 'node_modules', 'postject', 'dist', 'cli.js');
    run(process.execPath, [postject, part, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', FUSE], 'postject');
    renameSync(part, exe);
    writeFileSync(keyFile, key);
    log(`executable: ${path.relative(top, exe)}`);
  }
  const exeSum = sha256OfFile(exe);
  // the compressed copy is made again only when the executable changed
  const packedKeyFile = path.join(work, 'packed-key');
  let packed = [`${exe}.xz`, `${exe}.gz`].find((f) => existsSync(f));
  const packedFresh = packed && existsSync(packedKeyFile) && readFileSync(packedKeyFile, 'utf8') === exeSum;
  if (!packedFresh) {
    rmSync(packedKeyFile, { force: true });
    packed = compressCopy ? await compress(exe) : undefined;
    if (packed) writeFileSync(packedKeyFile, exeSum);
    else for (const stale of [`${exe}.xz`, `${exe}.gz`]) rmSync(stale, { force: true });
    if (packed) log(`executable: ${path.basename(packed)}`);
  }
  const sumFile = `${exe}.sha256`;
  const lines = [`${exeSum}  ${path.basename(exe)}\n`, ...(packed ? [`${sha256OfFile(packed)}  ${path.basename(packed)}\n`] : [])];
  writeFileSync(sumFile, lines.join(''));
  return { exe, packed, sumFile };
}
