import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRng } from '../../fixtures/lib/prng.js';
import { writeQueueFlood } from '../../fixtures/lib/queue-flood.js';

// The generated queue of the queue rows, kept between bench runs: at 1,000,000 files generating
// it takes far longer than timing the rows, so it is built once (at low priority, see
// bench/notes/queue.md), stamped complete, and reused while the generator's version is the same.
// The rows that delete work on a copy that is mended before each run (only the files the last
// run deleted are copied back), never on the cached queue itself.
//
// Generate ahead of a run: nice -n 19 ionice -c3 node --import tsx bench/rows/queue-cache.ts FILES

/** Bump when fixtures/lib/queue-flood.ts or the layout below changes what is generated. */
const GENERATOR_VERSION = 1;
const CACHE_ROOT = path.resolve(process.env.SPOOLRESCUE_BENCH_CACHE ?? '/var/tmp/spoolrescue-bench-cache');
const DAY = 86_400_000;

// Where a cached queue lives and when it was generated (its arrival times are relative to that).
export interface CachedQueue {
  /** Configuration directory for -c / --postfix-config (main.cf points at spool). */
  etc: string;
  spool: string;
  /** A --root for the rows that delete: workRoot/var/spool/postfix is a copy of spool. */
  workRoot: string;
  generatedAtMs: number;
}

interface Stamp {
  files: number;
  version: number;
  generatedAtMs: number;
  seconds: number;
}

const ROOT_QUEUE = 'var/spool/postfix';
const QUEUES_WITH_FILES = ['deferred', 'defer'];

function postfixUid(): number {
  try {
    return Number(execFileSync('id', ['-u', 'postfix']).toString().trim());
  } catch {
    return 0;
  }
}

// Builds DIR/etc + DIR/spool (arrivals over the 5 days before now, mtime = arrival) and the work copy.
function generate(dir: string, files: number, log: (line: string) => void): Stamp {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'etc'), { recursive: true });
  const t0 = Date.now();
  fs.copyFileSync('/etc/postfix/master.cf', path.join(dir, 'etc', 'master.cf'));
  fs.writeFileSync(path.join(dir, 'etc', 'main.cf'), `queue_directory = ${path.join(dir, 'spool')}\ncompatibility_level = 3.6\n`);
  const spool = path.join(dir, 'spool');
  let lastLog = 0;
  // owned by $mail_owner as in a real queue: postqueue's showq reads the files as that user
  writeQueueFlood({
    queueDir: spool,
    rng: createRng(14),
    files,
    startMs: t0 - 5 * DAY,
    endMs: t0,
    ownerUid: postfixUid(),
    onProgress: (n) => {
      if (Date.now() - lastLog > 30_000) {
        log(`queue cache: ${n.toLocaleString('en-US')} / ${files.toLocaleString('en-US')} files, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
        lastLog = Date.now();
      }
    },
  });
  const work = path.join(dir, 'work', ROOT_QUEUE);
  fs.mkdirSync(path.dirname(work), { recursive: true });
  execFileSync('cp', ['-a', spool, work]);
  execFileSync('sync', ['-f', spool]);
  return { files, version: GENERATOR_VERSION, generatedAtMs: t0, seconds: (Date.now() - t0) / 1000 };
}

// The cached queue of FILES messages, generated now when missing, partial or of another version.
export function cachedQueue(files: number, log: (line: string) => void = console.log): CachedQueue {
  const dir = path.join(CACHE_ROOT, `queue-${files}-v${GENERATOR_VERSION}`);
  const stampFile = path.join(dir, 'complete.json');
  let stamp: Stamp | undefined;
  try {
    stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8')) as Stamp;
  } catch {
    stamp = undefined;
  }
  if (!stamp || stamp.files !== files || stamp.version !== GENERATOR_VERSION) {
    log(`queue cache: generating ${files.toLocaleString('en-US')} files in ${dir}`);
    stamp = generate(dir, files, log);
    fs.writeFileSync(stampFile, JSON.stringify(stamp) + '\n');
    log(`queue cache: generated in ${stamp.seconds.toFixed(0)} s`);
  }
  return { etc: path.join(dir, 'etc'), spool: path.join(dir, 'spool'), workRoot: path.join(dir, 'work'), generatedAtMs: stamp.generatedAtMs };
}

// Copies back into the work copy what a run deleted from it (file, mode, owner, mtime), walking
// the hash directories of the queues the generator fills; returns how many files were copied.
export function mendWorkCopy(q: CachedQueue): number {
  const work = path.join(q.workRoot, ROOT_QUEUE);
  let copied = 0;
  const mend = (from: string, to: string): void => {
    const have = new Set(fs.existsSync(to) ? fs.readdirSync(to) : []);
    if (!fs.existsSync(to)) fs.mkdirSync(to, { recursive: true });
    for (const d of fs.readdirSync(from, { withFileTypes: true })) {
      const src = path.join(from, d.name);
      const dst = path.join(to, d.name);
      if (d.isDirectory()) mend(src, dst);
      else if (!have.has(d.name)) {
        const st = fs.statSync(src);
        fs.copyFileSync(src, dst);
        fs.chmodSync(dst, st.mode & 0o7777);
        fs.chownSync(dst, st.uid, st.gid);
        fs.utimesSync(dst, st.atime, st.mtime);
        copied++;
      }
    }
  };
  for (const queue of QUEUES_WITH_FILES) mend(path.join(q.spool, queue), path.join(work, queue));
  return copied;
}

// Seconds since the cached queue was generated: an age selector on it adds this to stay the same.
export function cacheAgeSec(q: CachedQueue): number {
  return Math.max(0, Math.floor((Date.now() - q.generatedAtMs) / 1000));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const files = Number(process.argv[2] ?? process.env.SPOOLRESCUE_BENCH_QUEUE_FILES ?? 50_000);
  cachedQueue(files);
}
