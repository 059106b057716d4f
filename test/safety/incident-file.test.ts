import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeWith } from '../helpers/capabilities.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// The incident file receives root's mail text. A path in a shared directory (/dev/shm, /tmp) may
// already hold something another user planted: a file they can read, a FIFO that blocks, a link.

const NOBODY = 65534;
const message = (i: number) => `From cron${i}@host  Mon Jan  5 10:00:0${i} 2026\nSubject: secret ${i}\n\nroot's private text ${i}\n\n`;

describeWith(['root'], 'the incident file', () => {
  const tmp = makeTempDir('incfile', '/var/tmp');
  afterAll(tmp.cleanup);
  fs.chmodSync(tmp.dir, 0o755);
  // a shared, sticky directory like /dev/shm
  const shared = path.join(tmp.dir, 'shm');
  fs.mkdirSync(shared);
  fs.chmodSync(shared, 0o1777);
  const spool = path.join(tmp.dir, 'root-mbox');
  fs.writeFileSync(spool, [0, 1, 2].map(message).join(''), { mode: 0o600 });
  const maildrop = path.join(tmp.dir, 'maildrop');
  const asNobody = (cmd: string) => execFileSync('runuser', ['-u', 'nobody', '--', 'sh', '-c', cmd], { cwd: '/' });
  const plant = (name: string, mode: number) => {
    const p = path.join(shared, name);
    asNobody(`umask 0; : > '${p}'; chmod ${mode.toString(8)} '${p}'`);
    expect(fs.statSync(p).uid).toBe(NOBODY);
    return p;
  };
  const steps = (inc: string) => {
    fs.mkdirSync(maildrop, { recursive: true });
    fs.writeFileSync(path.join(maildrop, 'A1B2C3'), 'queue file');
    return {
      capture: runCli(['capture', spool, '--incident', inc], { timeoutMs: 30_000 }),
      truncate: runCli(['truncate', spool, '--incident', inc, '--yes'], { timeoutMs: 30_000 }),
      purge: runCli(['purge', maildrop, '--any-directory', '--incident', inc, '--yes'], { timeoutMs: 30_000 }),
    };
  };
  const expectRefusedEverywhere = (inc: string, why: RegExp) => {
    const r = steps(inc);
    for (const [name, run] of Object.entries(r)) {
      expect(run.status, `${name}: ${run.stderr}`).toBe(3);
      expect(run.stderr, name).toMatch(why);
    }
    expect(fs.statSync(spool).size).toBeGreaterThan(0);
    expect(fs.readdirSync(maildrop)).toEqual(['A1B2C3']);
  };

  it('refuses a file another user planted with mode 0666 (and a 0600 one), writing nothing into it', () => {
    for (const mode of [0o666, 0o600]) {
      const planted = plant(`incident-${mode.toString(8)}.md`, mode);
      expectRefusedEverywhere(planted, /belongs to uid 65534/);
      expect(fs.statSync(planted).size).toBe(0);
    }
  });

  it('refuses its own file when group or others may read it, and a second name (hard link) of another file', () => {
    const open = path.join(shared, 'mine-0644.md');
    fs.writeFileSync(open, '', { mode: 0o644 });
    fs.chmodSync(open, 0o644);
    expectRefusedEverywhere(open, /mode 0644/);
    const secret = path.join(tmp.dir, 'authorized_keys');
    fs.writeFileSync(secret, 'ssh-ed25519 AAAA root@host\n', { mode: 0o600 });
    const link = path.join(shared, 'hardlink.md');
    fs.linkSync(secret, link);
    expectRefusedEverywhere(link, /2 names \(hard links\)/);
    expect(fs.readFileSync(secret, 'utf8')).toBe('ssh-ed25519 AAAA root@host\n');
  });

  it('refuses a FIFO at once (never blocks), a device and a symlink', () => {
    const fifo = path.join(shared, 'fifo.md');
    asNobody(`mkfifo -m 666 '${fifo}'`);
    expectRefusedEverywhere(fifo, /FIFO|not a regular file/);
    expectRefusedEverywhere('/dev/null', /not a regular file/);
    const target = path.join(tmp.dir, 'elsewhere.md');
    const link = path.join(shared, 'link.md');
    asNobody(`ln -s '${target}' '${link}'`);
    expectRefusedEverywhere(link, /symbolic link/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('creates a new file 0600, owned by the caller, and appends to it on later steps', () => {
    const inc = path.join(shared, 'fresh.md');
    const c = runCli(['capture', spool, '--incident', inc]);
    expect(c.status, c.stderr).toBe(0);
    const st = fs.statSync(inc);
    expect({ uid: st.uid, mode: st.mode & 0o777 }).toEqual({ uid: 0, mode: 0o600 });
    const t = runCli(['truncate', spool, '--incident', inc, '--yes']);
    expect(t.status, t.stderr).toBe(0);
    expect(fs.statSync(inc).size).toBeGreaterThan(st.size);
  });
});
