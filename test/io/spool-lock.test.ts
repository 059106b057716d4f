import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { findCommand } from '../../src/io/system/find-command.js';
import { lockSpool, SpoolLockError, STALE_DOTLOCK_MS } from '../../src/io/truncate/spool-lock.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/postfix-instance.js';
import { itWith } from '../helpers/capabilities.js';
import { speak } from '../../src/core/i18n/speak.js';
import { spoolLockWords } from '../../src/core/truncate/lock-words.js';

const python = findCommand('python3');
// No helper that can take an fcntl lock, and the operator's --dotlock-only.
const DOTLOCK_ONLY = { postlock: null, python: null, perl: null, allowDotlockOnly: true } as const;

// The fallback used where postlock is absent: dotlock (+ fcntl through python3 when present).
describe('spool lock without postlock', () => {
  const tmp = makeTempDir('lock');
  const spool = path.join(tmp.dir, 'root');
  fs.writeFileSync(spool, 'From a  Mon Jan  5 10:00:00 2026\n\n');
  const children: ReturnType<typeof spawn>[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
    fs.rmSync(`${spool}.lock`, { force: true });
  });
  afterAll(tmp.cleanup);

  it('takes and releases the dotlock alone only when asked (--dotlock-only), and says fcntl-only writers are not excluded', async () => {
    const lock = await lockSpool(spool, { ...DOTLOCK_ONLY, waitMs: 1000 });
    expect(fs.existsSync(`${spool}.lock`)).toBe(true);
    expect(lock.facts).toEqual({ method: 'dotlock-only', excludes: 'dotlock-writers-only' });
    expect(spoolLockWords(lock.facts).method).toBe('dotlock only (--dotlock-only: postlock, python3 and perl are not installed)');
    expect(spoolLockWords(lock.facts).excludes).toMatch(/fcntl alone are NOT excluded/);
    await lock.release();
    expect(fs.existsSync(`${spool}.lock`)).toBe(false);
  });

  it('fails clearly (bounded wait) while another process holds a fresh dotlock, and leaves it alone', async () => {
    fs.writeFileSync(`${spool}.lock`, '');
    await expect(lockSpool(spool, { waitMs: 600, ...DOTLOCK_ONLY })).rejects.toThrow(SpoolLockError);
    await expect(lockSpool(spool, { waitMs: 600, ...DOTLOCK_ONLY })).rejects.toThrow(/dotlock .*root\.lock is held by another process/);
    expect(fs.existsSync(`${spool}.lock`)).toBe(true);
  });

  it('waits for a dotlock that is released in time', async () => {
    fs.writeFileSync(`${spool}.lock`, '');
    setTimeout(() => fs.rmSync(`${spool}.lock`, { force: true }), 400);
    const lock = await lockSpool(spool, { waitMs: 5000, ...DOTLOCK_ONLY });
    expect(fs.existsSync(`${spool}.lock`)).toBe(true);
    await lock.release();
  });

  it('removes a stale dotlock (older than 500 s, as Postfix does)', async () => {
    fs.writeFileSync(`${spool}.lock`, '');
    const old = (Date.now() - STALE_DOTLOCK_MS - 10_000) / 1000;
    fs.utimesSync(`${spool}.lock`, old, old);
    const lock = await lockSpool(spool, { waitMs: 500, ...DOTLOCK_ONLY });
    expect(fs.statSync(`${spool}.lock`).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
    await lock.release();
  });

  itWith(['python3'], 'holds a real fcntl lock through python3 that a concurrent fcntl locker cannot take', async () => {
    const lock = await lockSpool(spool, { waitMs: 2000, postlock: null, python });
    expect(lock.facts).toEqual({ method: 'fcntl-and-dotlock', helper: 'python3 fcntl.lockf', excludes: 'fcntl-or-dotlock-writers' });
    expect(spoolLockWords(lock.facts).method).toMatch(/^fcntl lock \(python3 fcntl.lockf\) and dotlock/);
    const probe = `import fcntl,os,sys\nfd=os.open(sys.argv[1], os.O_RDWR)\ntry:\n  fcntl.lockf(fd, fcntl.LOCK_EX|fcntl.LOCK_NB); print('free')\nexcept OSError: print('held')`;
    const ask = () =>
      new Promise<string>((resolve) => {
        const c = spawn(python!, ['-c', probe, spool]);
        let out = '';
        c.stdout.on('data', (d) => (out += d));
        c.on('close', () => resolve(out.trim()));
      });
    expect(await ask()).toBe('held');
    await lock.release();
    expect(await ask()).toBe('free');
  });

  itWith(['python3'], 'fails clearly while another process holds the fcntl lock', async () => {
    const holder = spawn(python!, ['-c', 'import fcntl,os,sys,time\nfd=os.open(sys.argv[1], os.O_RDWR)\nfcntl.lockf(fd, fcntl.LOCK_EX)\nopen(sys.argv[1]+".held","w").close()\ntime.sleep(60)', spool]);
    children.push(holder);
    expect(await waitFor(() => fs.existsSync(`${spool}.held`), 10_000)).toBe(true);
    await expect(lockSpool(spool, { waitMs: 800, postlock: null, python })).rejects.toThrow(/fcntl lock of .* (failed|still held)/);
    expect(fs.existsSync(`${spool}.lock`)).toBe(false);
  });

  describe('in Japanese', () => {
    afterEach(() => speak('en'));

    it('names the dotlock held alone in Japanese, and keeps English for JSON', async () => {
      speak('ja');
      const lock = await lockSpool(spool, { ...DOTLOCK_ONLY, waitMs: 1000 });
      // the same facts whatever the language
      expect(lock.facts).toEqual({ method: 'dotlock-only', excludes: 'dotlock-writers-only' });
      const shown = spoolLockWords(lock.facts);
      expect(shown.method).toBe('ドットロックのみ（--dotlock-only: postlock、python3、perl はインストールされていません）');
      expect(shown.excludes).toMatch(/fcntl だけを使う書き込み元は排除されません/);
      expect(spoolLockWords(lock.facts, 'en').method).toBe('dotlock only (--dotlock-only: postlock, python3 and perl are not installed)');
      expect(spoolLockWords(lock.facts, 'en').excludes).toMatch(/fcntl alone are NOT excluded/);
      await lock.release();
    });

    it('refuses in Japanese while another process holds a fresh dotlock, and leaves it alone', async () => {
      speak('ja');
      fs.writeFileSync(`${spool}.lock`, '');
      const err = await lockSpool(spool, { waitMs: 500, ...DOTLOCK_ONLY }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SpoolLockError);
      const message = (err as SpoolLockError).message;
      expect(message).toMatch(/^ドットロック .*root\.lock は別のプロセスが保持しています（作成 \d{4}-/);
      expect(message).toContain('何も変更していません。後でもう一度試すか、--wait SECONDS で長く待ってください。');
      expect(fs.existsSync(`${spool}.lock`)).toBe(true);
    });

    it('refuses in Japanese (exit 3, with a hint) when no helper can take the fcntl lock', async () => {
      speak('ja');
      const err = await lockSpool(spool, { waitMs: 500, postlock: null, python: null, perl: null }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SpoolLockError);
      const e = err as SpoolLockError;
      expect(e.exitCode).toBe(3);
      expect(e.message).toContain('Postfix の fcntl ロックを取れません');
      expect(e.hint).toMatch(/^postfix（postlock）、python3 か perl をインストールしてください。/);
      expect(fs.existsSync(`${spool}.lock`)).toBe(false);
    });
  });
});
