import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findCommand } from '../../src/io/system/find-command.js';
import { lockSpool, SpoolLockError } from '../../src/io/truncate/spool-lock.js';
import { spoolLockWords } from '../../src/core/truncate/lock-words.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// truncate's lock on a host without postlock and python3 (a minimal server, or the CI leg that
// hides them): the fcntl lock Postfix's local(8) takes, through perl (part of every Debian
// system), confirmed by the kernel (/proc/locks); with no helper at all, a refusal, not a
// silent dotlock-only truncation.

const perl = findCommand('perl');
const needPerl = () => {
  if (!perl) throw new Error('perl is not installed: this test needs it (Debian: perl-base, always present)');
};
const posixWriteLocks = (file: string) => {
  const ino = fs.statSync(file).ino;
  return fs.readFileSync('/proc/locks', 'utf8').split('\n').filter((l) => /\bPOSIX\s+ADVISORY\s+WRITE\b/.test(l) && l.includes(`:${ino} `));
};

describe('spool lock without postlock and python3', () => {
  const tmp = makeTempDir('lock-minimal');
  afterAll(tmp.cleanup);
  let n = 0;
  const spool = () => {
    const p = path.join(tmp.dir, `mbox${++n}`);
    fs.writeFileSync(p, 'From a  Mon Jan  5 10:00:00 2026\n\n');
    return p;
  };

  it('holds a real fcntl write lock through perl, plus the dotlock, and frees both', async () => {
    needPerl();
    const s = spool();
    const lock = await lockSpool(s, { waitMs: 5000, postlock: null, python: null });
    try {
      expect(spoolLockWords(lock.facts).method).toBe('fcntl lock (perl fcntl F_SETLK) and dotlock (postlock is not installed)');
      expect(posixWriteLocks(s)).toHaveLength(1);
      expect(fs.existsSync(`${s}.lock`)).toBe(true);
    } finally {
      await lock.release();
    }
    expect(posixWriteLocks(s)).toHaveLength(0);
    expect(fs.existsSync(`${s}.lock`)).toBe(false);
  });

  it('excludes another fcntl locker, e.g. a delivery: the second waits, then fails with nothing changed', async () => {
    needPerl();
    const s = spool();
    // the "delivery": a process holding an fcntl lock (taken through the same perl helper path)
    const holder = spawn(perl!, ['-e', "use Fcntl qw(O_RDWR F_SETLKW F_WRLCK SEEK_SET); sysopen(my $f, $ARGV[0], O_RDWR) or die; my $fl = pack('s s x4 q q i x4', F_WRLCK, SEEK_SET, 0, 0, 0); fcntl($f, F_SETLKW, $fl) or die; open(my $m, '>', \"$ARGV[0].held\"); close $m; sleep 60", s]);
    try {
      for (let i = 0; i < 100 && !fs.existsSync(`${s}.held`); i++) await new Promise((r) => setTimeout(r, 100));
      expect(posixWriteLocks(s)).toHaveLength(1);
      const err = await lockSpool(s, { waitMs: 1000, postlock: null, python: null }).catch((e) => e);
      expect(err).toBeInstanceOf(SpoolLockError);
      expect(String(err.message)).toMatch(/fcntl lock .*(held by another process|still held)/);
      expect(fs.existsSync(`${s}.lock`)).toBe(false);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('refuses (exit 3) when no helper can take the fcntl lock, unless the dotlock alone is chosen', async () => {
    const s = spool();
    const err = await lockSpool(s, { waitMs: 500, postlock: null, python: null, perl: null }).catch((e) => e);
    expect(err).toBeInstanceOf(SpoolLockError);
    expect(err.exitCode).toBe(3);
    expect(err.message).toMatch(/none of postlock, python3 or perl is on PATH/);
    expect(err.hint).toContain('--dotlock-only');
    expect(fs.existsSync(`${s}.lock`)).toBe(false);
    const lock = await lockSpool(s, { waitMs: 500, postlock: null, python: null, perl: null, allowDotlockOnly: true });
    expect(spoolLockWords(lock.facts).excludes).toMatch(/NOT excluded/);
    await lock.release();
  });

  it('says "permission denied / needs root" instead of "locked by a delivery" when the helper cannot open the spool', async () => {
    needPerl();
    const s = spool();
    fs.chmodSync(tmp.dir, 0o755);
    fs.chmodSync(s, 0o600);
    // run the helper as nobody through a wrapper on the perl path
    const wrapper = path.join(tmp.dir, 'perl-as-nobody');
    fs.writeFileSync(wrapper, `#!/bin/sh\nexec runuser -u nobody -- ${perl} "$@"\n`, { mode: 0o755 });
    const err = await lockSpool(s, { waitMs: 2000, postlock: null, python: null, perl: wrapper }).catch((e) => e);
    expect(err).toBeInstanceOf(SpoolLockError);
    expect(err.exitCode).toBe(3);
    expect(err.message).toMatch(/permission denied.*needs root/);
    expect(err.message).not.toMatch(/locked by a delivery/);
  });
});
