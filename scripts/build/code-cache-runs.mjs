// The build's code caches: made after real runs of the one file (bin/code-cache-runs.cjs, which an
// install on another Node runs too), kept between builds while nothing they depend on changed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import codeCacheRuns from '../../bin/code-cache-runs.cjs';
import { nodeBinarySha256 } from './executable.mjs';
import { codeCacheHeader, codeCaches } from './one-file.mjs';

const { TRAINING_FILES } = codeCacheRuns;

// The training runs as written (bin/code-cache-runs.cjs and the trainer): runs changed there make
// the caches again.
function trainingSha256() {
  const h = createHash('sha256');
  for (const f of TRAINING_FILES) h.update(readFileSync(f));
  return h.digest('hex');
}

// codeCaches' answer for BODIES, kept in STORE and made again (train: the trained caches) only when
// the chunks or this Node changed: runs compile what the moment makes them compile (the host's
// mounts, timing), so two makings differ by a few bytes, and each would make a new executable
// (postject and xz again, ~20 s) and stale its compressed copy.
export function storedCodeCaches({ bodies, store, train }) {
  const key = `${codeCacheHeader(bodies)}${process.version}\n${nodeBinarySha256()}\n${trainingSha256()}\n`;
  const keyFile = path.join(store, 'key');
  if (existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key) {
    const kept = new Map([...bodies.keys()].filter((n) => existsSync(path.join(store, n))).map((n) => [n, readFileSync(path.join(store, n))]));
    if (kept.size === bodies.size) return codeCaches(bodies, kept);
  }
  rmSync(store, { recursive: true, force: true });
  const caches = codeCaches(bodies, train());
  mkdirSync(store, { recursive: true });
  for (const [name, data] of caches.each) writeFileSync(path.join(store, name), data);
  writeFileSync(keyFile, key);
  return caches;
}
