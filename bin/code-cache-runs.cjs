'use strict';
// The code caches of the chunks the first commands compile, taken after real runs of the bundle
// (code-cache-training.cjs): a run of each command below, output thrown away; for each chunk, the
// biggest cache of the runs (the one holding the most compiled functions). The runs only read:
// --version, --help, df and hotspots, on a miniature mail server and tree of their own in a
// temporary directory (the host's mail system is neither read nor asked). Used by the build, and
// at install by a Node that refuses the build's caches (code-cache-install.cjs).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const RUNS = (root, tree) => [
  ['--version'],
  ['--help'],
  ['--root', root, 'df', '--json'],
  ['--root', root, 'df'],
  ['hotspots', '--json', tree],
  ['hotspots', tree],
];
const TRAINER = path.join(__dirname, 'code-cache-training.cjs');
// How a run ends when it was stopped: killed by the signal, or the trainer's own status for it
const STOPPED_BY = { SIGINT: 'SIGINT', SIGTERM: 'SIGTERM', 130: 'SIGINT', 143: 'SIGTERM' };

// One run of BUNDLE with ARGS by this Node (started with NODEARGS) through the trainer: the caches
// it made (name -> bytes) and its compiles ([name, given, refused]); log tells of a failed run (its
// caches are still taken: the chunks it compiled are the same; failure says how it ended).
function trainingRun(bundle, args, { log, nodeArgs }) {
  const env = { ...process.env };
  // the run's Node must start as the operator's does: no extra certificates, no options
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_OPTIONS;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'spoolrescue-code-cache-'));
  try {
    const r = spawnSync(process.execPath, [...nodeArgs, TRAINER, bundle, out, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env, timeout: 30_000, encoding: 'utf8' });
    // Ctrl-C (or a kill) reached the run too (the trainer ends with 128 + the signal): no more
    // runs, the temporary directories removed
    const stoppedBy = STOPPED_BY[r.signal] || STOPPED_BY[r.status];
    if (stoppedBy) throw Object.assign(new Error(`interrupted (${stoppedBy})`), { signal: stoppedBy });
    const failure = r.status === 0 ? null : `'spoolrescue ${args.join(' ')}' ended with ${r.status ?? r.signal}: ${(r.stderr || '').trim().split('\n')[0]}`;
    if (failure) log(`code cache: ${failure}`);
    const caches = new Map();
    let compiles = [];
    for (const name of fs.readdirSync(out)) {
      if (name === '.compiles.json') compiles = JSON.parse(fs.readFileSync(path.join(out, name), 'utf8'));
      else caches.set(name, fs.readFileSync(path.join(out, name)));
    }
    return { caches, compiles, failure };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

// Whether this Node (started with NODEARGS) takes the caches BUNDLE has beside it: a run of
// --version is given a cache for every chunk it compiles and V8 refuses none. Throws when that
// run fails: the bundle does not start, there is nothing to make caches of.
function codeCachesFit(bundle, { nodeArgs = [] } = {}) {
  const { compiles, failure } = trainingRun(bundle, ['--version'], { log: () => {}, nodeArgs });
  if (failure) throw new Error(failure);
  return compiles.length > 0 && compiles.every(([, given, refused]) => given && !refused);
}

// name -> cache bytes, from the runs of BUNDLE by this Node (started with NODEARGS).
function trainedCodeCaches(bundle, log, { nodeArgs = [] } = {}) {
  const best = new Map();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spoolrescue-code-cache-root-'));
  try {
    miniatureMailServer(root);
    const tree = path.join(root, 'tree');
    for (let d = 0; d < 20; d += 1) {
      const dir = path.join(tree, `d${d}`, 'sub');
      fs.mkdirSync(dir, { recursive: true });
      for (let f = 0; f < 20; f += 1) fs.writeFileSync(path.join(dir, `f${f}`), 'x'.repeat(f * 100));
    }
    for (const args of RUNS(root, tree)) {
      for (const [name, data] of trainingRun(bundle, args, { log, nodeArgs }).caches) {
        if (data.length > (best.get(name)?.length ?? 0)) best.set(name, data);
      }
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return best;
}

// A mail server in miniature under ROOT for df's training runs: main.cf naming the queue and the
// spool, Postfix's queues (hashed ones with their subdirectories and a few files), mailboxes, mail
// logs and their rotations. An empty root left the likely culprits' code (what each place holds,
// the ranking, the estimates) out of the caches, compiled again at every df on a real server.
function miniatureMailServer(root) {
  const at = (...parts) => path.join(root, ...parts);
  const file = (rel, text) => {
    fs.mkdirSync(path.dirname(at(rel)), { recursive: true });
    fs.writeFileSync(at(rel), text);
  };
  file('etc/postfix/main.cf', 'queue_directory = /var/spool/postfix\nmail_spool_directory = /var/mail\nmyhostname = mail.example.org\n');
  for (const q of ['maildrop', 'incoming', 'active', 'bounce', 'hold', 'corrupt', 'trace', 'flush']) fs.mkdirSync(at('var/spool/postfix', q), { recursive: true });
  for (let i = 0; i < 5; i += 1) file(`var/spool/postfix/maildrop/A1B2C3D${i}`, 'T\n'.repeat(40));
  for (const q of ['deferred', 'defer']) {
    for (const c of '0123456789ABCDEF') fs.mkdirSync(at('var/spool/postfix', q, c), { recursive: true });
    for (let i = 0; i < 3; i += 1) file(`var/spool/postfix/${q}/${i}/${i}F00D${i}`, 'x'.repeat(300));
  }
  const message = 'From MAILER-DAEMON Mon Jan  5 03:00:01 2026\nFrom: root\nSubject: Cron <root@mail> run-parts\n\nok\n\n';
  file('var/mail/root', message.repeat(50));
  file('var/mail/alice', message);
  const line = 'Jan  5 03:00:01 mail postfix/smtp[123]: 4F2A1B: to=<a@example.com>, relay=none, delay=1, status=deferred (connect timed out)\n';
  for (const log of ['mail.log', 'mail.log.1', 'mail.err', 'syslog', 'messages']) file(`var/log/${log}`, line.repeat(40));
  fs.mkdirSync(at('var/log/journal'), { recursive: true });
  fs.mkdirSync(at('tmp'), { recursive: true });
  fs.mkdirSync(at('var/tmp'), { recursive: true });
}

module.exports = { trainedCodeCaches, codeCachesFit, TRAINING_FILES: [__filename, TRAINER] };
