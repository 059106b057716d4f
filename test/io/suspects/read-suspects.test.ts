import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSystemPaths } from '../../../src/core/system-paths.js';
import { readSuspects, type SuspectDeps } from '../../../src/io/suspects/read-suspects.js';
import { describeWith } from '../../helpers/capabilities.js';
import { mountTmpfs } from '../../helpers/mounts.js';
import { runCli } from '../../helpers/run-cli.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

// n empty queue files named like Postfix's short queue IDs, made with link(2) (a fresh source
// every 60,000 links: ext4 allows 65,000 links per inode).
function fillQueue(dir: string, n: number, seed = 0): void {
  fs.mkdirSync(dir, { recursive: true });
  let source = '';
  for (let i = 0; i < n; i++) {
    if (i % 60_000 === 0) {
      source = path.join(path.dirname(dir), `.src-${path.basename(dir)}-${seed}-${i}`);
      fs.writeFileSync(source, '');
    }
    fs.linkSync(source, path.join(dir, (0x1a2b3c4d00 + seed * 1e7 + i * 7919).toString(16).toUpperCase()));
  }
}

// The system tree of a mail server under a temp root: queues, spool, a log.
function mailServer(root: string, maildrop: number): void {
  const q = path.join(root, 'var/spool/postfix');
  fillQueue(path.join(q, 'maildrop'), maildrop, 1);
  fillQueue(path.join(q, 'hold'), 300, 2);
  for (const h of '0123456789ABCDEF') fs.mkdirSync(path.join(q, 'deferred', h), { recursive: true });
  fs.mkdirSync(path.join(root, 'var/mail'), { recursive: true });
  fs.writeFileSync(path.join(root, 'var/mail/root'), Buffer.alloc(12 << 20, 'x'));
  fs.writeFileSync(path.join(root, 'var/mail/alice'), 'From a  Mon Jan  1 00:00:00 2024\n\nhi\n\n');
  fs.mkdirSync(path.join(root, 'var/log'), { recursive: true });
  fs.writeFileSync(path.join(root, 'var/log/mail.log.1'), Buffer.alloc(11 << 20, 'y'));
  fs.mkdirSync(path.join(root, 'tmp'), { recursive: true });
}

// The real deps, counting every readdir and lstat (which paths were listed is the point).
function counting() {
  const listed: string[] = [];
  let lstats = 0;
  const deps: Partial<SuspectDeps> = {
    readdir: (p) => {
      listed.push(p);
      return fs.readdirSync(p);
    },
    lstat: (p) => {
      lstats++;
      const st = fs.lstatSync(p, { throwIfNoEntry: false });
      return st && !st.isSymbolicLink() ? { isDir: st.isDirectory(), size: st.size, blocks: st.blocks, dev: st.dev } : undefined;
    },
  };
  return { deps, listed, lstats: () => lstats };
}

describe('likely culprits on a real ext4 tree, without listing the big directories', () => {
  const tmp = makeTempDir('suspects', '/var/tmp');
  const big = path.join(tmp.dir, 'big');
  const small = path.join(tmp.dir, 'small');
  mailServer(big, 200_000);
  mailServer(small, 300);
  afterAll(() => tmp.cleanup());

  it('names a 200,000-entry maildrop with its estimated entries, and never lists it', async () => {
    const c = counting();
    const { suspects } = await readSuspects(createSystemPaths(big, '/'), { deps: c.deps });
    const maildrop = suspects.find((s) => s.path === '/var/spool/postfix/maildrop');
    expect(maildrop).toBeDefined();
    expect(maildrop!.hostPath).toBe(path.join(big, 'var/spool/postfix/maildrop'));
    expect(maildrop!.kind).toBe('queue');
    // The estimate comes from the directory's own size: within 25% of the truth.
    expect(maildrop!.estimatedEntries!).toBeGreaterThan(150_000);
    expect(maildrop!.estimatedEntries!).toBeLessThan(250_000);
    expect(maildrop!.bytes).toBe(fs.statSync(maildrop!.hostPath).blocks * 512);
    expect(maildrop!.reason).toMatch(/maildrop queue: the directory itself is .* about [\d,]+ entries/);
    // It is the heaviest, then the 12 MiB mailbox and the 11 MiB rotated log; the 300-entry hold
    // queue and the small mailbox are no suspects.
    expect(suspects.map((s) => s.path)).toEqual(['/var/spool/postfix/maildrop', '/var/mail/root', '/var/log/mail.log.1']);
    expect(suspects[1].kind).toBe('mailbox');
    expect(suspects[2].kind).toBe('mail-log');
    // Only the small spool and log directories were listed, never a queue.
    expect(c.listed.sort()).toEqual([path.join(big, 'var/log'), path.join(big, 'var/mail')]);
    expect(c.lstats()).toBeLessThan(120);
  });

  it('has no queue suspect for a 300-entry maildrop', async () => {
    const c = counting();
    const { suspects } = await readSuspects(createSystemPaths(small, '/'), { deps: c.deps });
    expect(suspects.filter((s) => s.kind === 'queue')).toEqual([]);
    expect(suspects.map((s) => s.path)).toEqual(['/var/mail/root', '/var/log/mail.log.1']);
  });

  it('df --json --root shows them with the filesystem they are on, and df says them in words', () => {
    const r = runCli(['df', '--json', '--root', big]);
    expect(r.status).toBe(0);
    const report = r.json();
    const maildrop = report.suspects.find((s: { path: string }) => s.path === '/var/spool/postfix/maildrop');
    expect(maildrop).toMatchObject({ kind: 'queue', hostPath: path.join(big, 'var/spool/postfix/maildrop'), fstype: 'ext4' });
    const fsRow = report.filesystems.find((f: { devId: string }) => f.devId === maildrop.devId);
    expect(fsRow).toBeDefined();
    expect(typeof report.suspectsMs).toBe('number');
    const text = runCli(['df', '--root', big]);
    expect(text.stdout).toMatch(/Likely culprits \(\d+ ms, no scan\)/);
    expect(text.stdout).toContain('/var/spool/postfix/maildrop on ');
  });
});

describeWith(['mount'], 'likely culprits on tmpfs', () => {
  const tmp = makeTempDir('suspects-tmpfs', '/var/tmp');
  const m = mountTmpfs(path.join(tmp.dir, 'root'), { size: '64m' });
  afterAll(() => {
    m.unmount();
    tmp.cleanup();
  });

  it('counts a tmpfs directory exactly from its size (20 bytes per entry)', async () => {
    fillQueue(path.join(m.dir, 'var/spool/postfix/deferred/A'), 3000, 3);
    fillQueue(path.join(m.dir, 'var/spool/postfix/deferred/7'), 1234, 4);
    const { suspects } = await readSuspects(createSystemPaths(m.dir, '/'));
    const deferred = suspects.find((s) => s.path === '/var/spool/postfix/deferred');
    // Exact: the entries of deferred/ and of each hashed subdirectory, as readdir counts them.
    const q = path.join(m.dir, 'var/spool/postfix/deferred');
    const truth = fs.readdirSync(q).length + '0123456789ABCDEF'.split('').reduce((n, h) => n + (fs.existsSync(path.join(q, h)) ? fs.readdirSync(path.join(q, h)).length : 0), 0);
    expect(truth).toBe(3000 + 1234 + 2 + 2);
    expect(deferred?.estimatedEntries).toBe(truth);
    expect(deferred?.fstype).toBe('tmpfs');
    expect(deferred?.reason).toContain('with its 2 hashed subdirectories');
  });
});
