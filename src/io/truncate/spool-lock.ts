import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { findCommand } from '../system/find-command.js';
import { truncateIoText } from './messages.js';
import type { SpoolLockFacts } from '../../core/truncate/lock-words.js';

// A lock held on a mail spool until release(); its facts go into the report so the reader knows
// which writers were kept out (worded where shown: core/truncate/lock-words.ts).
export interface HeldLock {
  facts: SpoolLockFacts;
  release(): Promise<void>;
}

// How long to wait and which helpers to use (injected so tests can force each fallback).
export interface LockOptions {
  /** How long to wait for a concurrent holder before failing (bounded, never forever). */
  waitMs: number;
  /** Postfix configuration directory for postlock -c (only when it has a main.cf). */
  postfixConfig?: string;
  signal?: AbortSignal;
  /** Programs to use; injected so tests can force the fallback. Default: found on PATH. */
  postlock?: string | null;
  python?: string | null;
  perl?: string | null;
  /** With no helper that can take an fcntl lock, hold the dotlock alone instead of refusing. */
  allowDotlockOnly?: boolean;
}

// A lock failure the operator can act on (who holds it, what to do); nothing was changed. Exit 1
// for a lock held by someone else (try again later), 3 when it cannot work at all here.
export class SpoolLockError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 3 = 1,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'SpoolLockError';
  }
}

// What a helper's last error line means, in words: a permission or read-only problem is not a
// delivery holding the lock, and no amount of waiting fixes it.
function helperFailure(what: string, code: number | null, why: string): SpoolLockError {
  if (/permission denied|EACCES|operation not permitted|EPERM/i.test(why)) {
    return new SpoolLockError(truncateIoText().deniedNeedsRoot(what, why), 3, truncateIoText().runAsRoot);
  }
  if (/read-only file system|EROFS/i.test(why)) {
    return new SpoolLockError(truncateIoText().readOnly(what, why), 3, truncateIoText().remountHint);
  }
  return new SpoolLockError(truncateIoText().helperFailed(what, code, why));
}

const TOKEN = 'spoolrescue-lock-held';
// Postfix treats a dotlock older than this as stale (stale_lock_time, 500 s) and removes it.
/** @internal unit-tested on its own: test/io/spool-lock.test.ts */
export const STALE_DOTLOCK_MS = 500_000;

// Node has no fcntl(), and a lock must be held by a live process while we truncate. So a helper
// process takes the lock and keeps it until its stdin closes; it tells us it holds the lock by
// echoing a token on stdout. spawn is used directly (not run-command) because the handshake needs
// live pipes, not a run-to-completion result.
function holdWith(program: string, args: string[], waitMs: number, what: string, signal?: AbortSignal): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let settled = false;
    const finish = (e?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (e) {
        child.kill('SIGTERM');
        reject(e);
      } else resolve(child);
    };
    const onAbort = () => finish(new SpoolLockError(truncateIoText().interrupted(what)));
    const timer = setTimeout(() => finish(new SpoolLockError(truncateIoText().stillHeld(what, Math.round(waitMs / 1000)))), waitMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes(TOKEN)) finish();
    });
    child.stderr!.on('data', (d) => (err += d));
    child.on('error', (e) => finish(new SpoolLockError(truncateIoText().cannotRun(what, program, e.message))));
    // 'close', not 'exit': 'exit' can come before the last of stderr, and its words decide the
    // message and the exit code (permission denied is 3, not 1)
    child.on('close', (code) => {
      finish(helperFailure(what, code, err.trim().split('\n').at(-1) ?? ''));
    });
    child.stdin!.on('error', () => {
      // the helper exited early; its exit handler reports why
    });
    child.stdin!.write(TOKEN + '\n');
  });
}

function releaseHolder(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.stdin!.end();
    setTimeout(() => child.kill('SIGTERM'), 10_000).unref();
  });
}

const PY_FCNTL = [
  'import fcntl, os, sys, time', // i18n-ignore
  'fd = os.open(sys.argv[1], os.O_RDWR | os.O_NOFOLLOW)',
  'end = time.time() + float(sys.argv[2])',
  'while True:', // i18n-ignore
  '    try:',
  '        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)', // i18n-ignore
  '        break',
  '    except OSError:', // i18n-ignore
  '        if time.time() > end:', // i18n-ignore
  '            sys.stderr.write("fcntl lock held by another process\\n"); sys.exit(75)', // i18n-ignore
  '        time.sleep(0.2)',
  'sys.stdout.write(sys.stdin.readline()); sys.stdout.flush()',
  'sys.stdin.read()',
].join('\n');

// The same fcntl lock through perl (perl-base is part of every Debian system) when python3 is
// missing: struct flock packed as on 64-bit Linux; /proc/locks confirms the lock afterwards.
const PERL_FCNTL = [
  'use strict; use Fcntl qw(O_RDWR O_NOFOLLOW F_SETLK F_WRLCK SEEK_SET);', // i18n-ignore
  'sysopen(my $fh, $ARGV[0], O_RDWR | O_NOFOLLOW) or do { print STDERR "cannot open $ARGV[0]: $!\\n"; exit 74 };', // i18n-ignore
  'my $end = time + $ARGV[1];',
  "my $fl = pack('s s x4 q q i x4', F_WRLCK, SEEK_SET, 0, 0, 0);", // i18n-ignore
  'until (fcntl($fh, F_SETLK, $fl)) { if (time > $end) { print STDERR "fcntl lock held by another process ($!)\\n"; exit 75 } select(undef, undef, undef, 0.2) }', // i18n-ignore
  '$| = 1; my $l = <STDIN>; print $l; while (<STDIN>) {}',
].join('\n');

// True when /proc/locks shows a POSIX (fcntl) write lock held by pid on the spool's inode: a
// helper that says it holds the lock is believed only when the kernel agrees.
function kernelShowsFcntlLock(pid: number | undefined, spool: string): boolean {
  if (pid === undefined) return false;
  let ino: number;
  let locks: string;
  try {
    ino = fs.statSync(spool).ino;
    locks = fs.readFileSync('/proc/locks', 'utf8');
  } catch {
    return false;
  }
  const line = new RegExp(`\\bPOSIX\\s+ADVISORY\\s+WRITE\\s+${pid}\\s+[0-9a-f]+:[0-9a-f]+:${ino}\\s`);
  return locks.split('\n').some((l) => line.test(l));
}

// Holds an fcntl lock on the spool through python3, else perl; null when neither is on PATH.
async function holdFcntl(spool: string, o: LockOptions): Promise<{ child: ChildProcess; by: string } | null> {
  const python = o.python === undefined ? findCommand('python3') : o.python;
  const perl = o.perl === undefined ? findCommand('perl') : o.perl;
  // the helper's name and the call it makes, shown as is
  const helper = python ? { program: python, args: ['-c', PY_FCNTL, spool, String(o.waitMs / 1000)], by: 'python3 fcntl.lockf' } : perl ? { program: perl, args: ['-e', PERL_FCNTL, spool, String(o.waitMs / 1000)], by: 'perl fcntl F_SETLK' } : null; // i18n-ignore
  if (!helper) return null;
  // the helper gives up at its own deadline; this backstop only covers a helper slow to start under load
  const child = await holdWith(helper.program, helper.args, o.waitMs + 10_000, truncateIoText().fcntlLockOf(spool), o.signal);
  if (!kernelShowsFcntlLock(child.pid, spool)) {
    await releaseHolder(child);
    throw new SpoolLockError(truncateIoText().fcntlNotShown(spool, helper.by), 3, truncateIoText().fcntlNotShownHint);
  }
  return { child, by: helper.by };
}

// Takes the `<spool>.lock` dotlock (O_EXCL create, as Postfix, procmail and mutt do), removing a
// stale one (older than 500 s, Postfix's rule); retries until the deadline.
async function takeDotlock(spool: string, deadline: number, signal?: AbortSignal): Promise<() => void> {
  const lock = `${spool}.lock`;
  for (;;) {
    signal?.throwIfAborted();
    try {
      fs.closeSync(fs.openSync(lock, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, 0o600));
      return () => fs.rmSync(lock, { force: true });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS') throw helperFailure(truncateIoText().creatingDotlock(lock), null, err.message);
      if (err.code !== 'EEXIST') throw new SpoolLockError(truncateIoText().cannotCreateDotlock(lock, err.message));
    }
    const st = fs.lstatSync(lock, { throwIfNoEntry: false });
    if (st && Date.now() - st.mtimeMs > STALE_DOTLOCK_MS) {
      fs.rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() >= deadline) throw new SpoolLockError(truncateIoText().dotlockHeld(lock, st ? new Date(st.mtimeMs).toISOString() : undefined));
    await new Promise((r) => setTimeout(r, 250));
  }
}

// Locks a spool the way Postfix's local(8) does. With postlock (part of every Postfix package)
// we hold exactly Postfix's locks (mailbox_delivery_lock: fcntl and dotlock on Linux). Without it,
// an fcntl lock held by python3 or perl (checked in /proc/locks), plus the dotlock; with neither,
// it refuses (exit 3) unless allowDotlockOnly, and then `excludes` says fcntl-only writers are not
// kept out. flock(1) is no substitute: flock(2) and fcntl locks do not exclude each other on Linux.
export async function lockSpool(spool: string, o: LockOptions): Promise<HeldLock> {
  const postlock = o.postlock === undefined ? findCommand('postlock') : o.postlock;
  const cat = findCommand('cat');
  if (postlock && cat) {
    const args = [...(o.postfixConfig ? ['-c', o.postfixConfig] : []), spool, cat];
    const child = await holdWith(postlock, args, o.waitMs, `postlock ${args.join(' ')}`, o.signal);
    return { facts: { method: 'postlock', postfixConfig: o.postfixConfig ?? null, excludes: 'mailbox-delivery-lock-writers' }, release: () => releaseHolder(child) };
  }
  const deadline = Date.now() + o.waitMs;
  const held = await holdFcntl(spool, o);
  if (!held && !o.allowDotlockOnly) {
    throw new SpoolLockError(truncateIoText().noFcntlHelper(spool), 3, truncateIoText().noFcntlHelperHint);
  }
  const holder = held?.child;
  let unlock: () => void;
  try {
    unlock = await takeDotlock(spool, deadline, o.signal);
  } catch (e) {
    if (holder) await releaseHolder(holder);
    throw e;
  }
  return {
    facts: held ? { method: 'fcntl-and-dotlock', helper: held.by, excludes: 'fcntl-or-dotlock-writers' } : { method: 'dotlock-only', excludes: 'dotlock-writers-only' },
    async release() {
      unlock();
      if (holder) await releaseHolder(holder);
    },
  };
}
