// The code caches of the chunks the first commands compile, taken after real runs of the one file
// (code-cache-training.cjs): a run of each command below, with this Node and its default flags,
// output thrown away. For each chunk, the biggest cache of the runs (the one holding the most
// compiled functions). The runs only read: --version, --help, df, hotspots.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBinarySha256 } from './executable.mjs';
import { codeCacheHeader, codeCaches } from './one-file.mjs';

// df looks at a miniature mail server as --root (the build host's mail system is neither read nor
// asked), hotspots at a small tree of its own
const RUNS = (root, tree) => [
  ['--version'],
  ['--help'],
  ['--root', root, 'df', '--json'],
  ['--root', root, 'df'],
  ['hotspots', '--json', tree],
  ['hotspots', tree],
];
const TRAINER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'code-cache-training.cjs');

// name → cache bytes, from runs of BUNDLE (built without a cache file beside it); log tells of a
// run that failed (its caches are still taken: the chunks it compiled are the same).
export function trainedCodeCaches(bundle, log) {
  const best = new Map();
  const env = { ...process.env };
  // the runs' Node must start as the operator's does: no extra certificates, no options
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_OPTIONS;
  const root = mkdtempSync(path.join(os.tmpdir(), 'spoolrescue-code-cache-root-'));
  miniatureMailServer(root);
  const tree = path.join(root, 'tree');
  for (let d = 0; d < 20; d += 1) {
    const dir = path.join(tree, `d${d}`, 'sub');
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < 20; f += 1) writeFileSync(path.join(dir, `f${f}`), 'x'.repeat(f * 100));
  }
  for (const args of RUNS(root, tree)) {
    const out = mkdtempSync(path.join(os.tmpdir(), 'spoolrescue-code-cache-'));
    try {
      const r = spawnSync(process.execPath, [TRAINER, bundle, out, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env, timeout: 30_000, encoding: 'utf8' });
      if (r.status !== 0) log(`code cache: 'spoolrescue ${args.join(' ')}' ended with ${r.status ?? r.signal}: ${r.stderr.trim().split('\n')[0] ?? ''}`);
      for (const name of readdirSync(out)) {
        const data = readFileSync(path.join(out, name));
        if (data.length > (best.get(name)?.length ?? 0)) best.set(name, data);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  rmSync(root, { recursive: true, force: true });
  return best;
}

// A mail server in miniature under ROOT for df's training runs: main.cf naming the queue and the
// spool, Postfix's queues (hashed ones with their subdirectories and a few files), mailboxes, mail
// logs and their rotations. An empty root left the likely culprits' code (what each place holds,
// the ranking, the estimates) out of the caches, compiled again at every df on a real server.
function miniatureMailServer(root) {
  const at = (...parts) => path.join(root, ...parts);
  const file = (rel, text) => {
    mkdirSync(path.dirname(at(rel)), { recursive: true });
    writeFileSync(at(rel), text);
  };
  file('etc/postfix/main.cf', 'queue_directory = /var/spool/postfix\nmail_spool_directory = /var/mail\nmyhostname = mail.example.org\n');
  for (const q of ['maildrop', 'incoming', 'active', 'bounce', 'hold', 'corrupt', 'trace', 'flush']) mkdirSync(at('var/spool/postfix', q), { recursive: true });
  for (let i = 0; i < 5; i += 1) file(`var/spool/postfix/maildrop/A1B2C3D${i}`, 'T\n'.repeat(40));
  for (const q of ['deferred', 'defer']) {
    for (const c of '0123456789ABCDEF') mkdirSync(at('var/spool/postfix', q, c), { recursive: true });
    for (let i = 0; i < 3; i += 1) file(`var/spool/postfix/${q}/${i}/${i}F00D${i}`, 'x'.repeat(300));
  }
  const message = 'From MAILER-DAEMON Mon Jan  5 03:00:01 2026\nFrom: root\nSubject: Cron <root@mail> run-parts\n\nok\n\n';
  file('var/mail/root', message.repeat(50));
  file('var/mail/alice', message);
  const line = 'Jan  5 03:00:01 mail postfix/smtp[123]: 4F2A1B: to=<a@example.com>, relay=none, delay=1, status=deferred (connect timed out)\n';
  for (const log of ['mail.log', 'mail.log.1', 'mail.err', 'syslog', 'messages']) file(`var/log/${log}`, line.repeat(40));
  mkdirSync(at('var/log/journal'), { recursive: true });
  mkdirSync(at('tmp'), { recursive: true });
  mkdirSync(at('var/tmp'), { recursive: true });
}

// The training runs as written (this file and the trainer): runs changed here make the caches again.
function trainingSha256() {
  const h = createHash('sha256');
  for (const f of [fileURLToPath(import.meta.url), TRAINER]) h.update(readFileSync(f));
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
