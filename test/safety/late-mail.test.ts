import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeWith } from '../helpers/capabilities.js';
import { fillFilesystem, mountTmpfs, remount } from '../helpers/mounts.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Mail delivered between the capture and the truncation was never captured: under the spool lock
// truncate keeps it in the incident file first, or refuses unless the operator accepts the loss.
// Also: a spool truncate cannot write (not root, read-only) is said plainly, before acting.

const message = (from: string, subject: string) => `From ${from}  Mon Jan  5 10:00:00 2026\nSubject: ${subject}\n\nbody of ${subject}\n\n`;

describeWith(['root', 'mount'], 'truncate and mail that arrived after the capture', () => {
  const tmp = makeTempDir('late', '/var/tmp');
  afterAll(tmp.cleanup);
  let n = 0;
  const captured = (incidentDir = tmp.dir) => {
    const spool = path.join(tmp.dir, `spool${++n}`);
    fs.writeFileSync(spool, message('cron@host', 'early one') + message('cron@host', 'early two'), { mode: 0o600 });
    const inc = path.join(incidentDir, `incident${n}.md`);
    const c = runCli(['capture', spool, '--incident', inc, '--force-destination']);
    expect(c.status, c.stderr).toBe(0);
    return { spool, inc };
  };
  // an appending writer, as local(8) delivers: O_APPEND write of one whole message
  const deliver = (spool: string, subject: string) => fs.appendFileSync(spool, message('late@host', subject));

  it('appends what arrived to the incident file under the lock, then truncates', () => {
    for (const count of [1, 3]) {
      const { spool, inc } = captured();
      for (let i = 0; i < count; i++) deliver(spool, `late ${count}.${i} \u001b[31m`);
      const r = runCli(['truncate', spool, '--incident', inc, '--yes', '--json']);
      expect(r.status, r.stderr).toBe(0);
      const lateLen = count * message('late@host', 'late 1.0 \u001b[31m').length;
      expect(r.json().late).toEqual({ sizeBytes: lateLen, fate: 'kept' });
      expect(r.json().uncapturedBytes).toBe(0);
      const text = fs.readFileSync(inc, 'utf8');
      for (let i = 0; i < count; i++) expect(text).toContain(`Subject: late ${count}.${i} \\x1b[31m`);
      expect(text.indexOf('arrived after the capture')).toBeLessThan(text.indexOf('## spoolrescue truncate'));
      expect(fs.statSync(spool).size).toBe(0);
    }
  });

  it('refuses (exit 3, nothing changed) when the incident file cannot take the late mail, unless --accept-loss', () => {
    const mnt = mountTmpfs(path.join(tmp.dir, 'small'), { size: '1m' });
    try {
      const { spool, inc } = captured(mnt.dir);
      // 300 KiB of late mail, and the incident filesystem nearly full
      for (let i = 0; i < 30; i++) deliver(spool, `flood ${i} ${'y'.repeat(10_000)}`);
      const size = fs.statSync(spool).size;
      const filler = fillFilesystem(mnt.dir);
      fs.truncateSync(filler, Math.max(0, fs.statSync(filler).size - 600 * 1024));
      const r = runCli(['truncate', spool, '--incident', inc, '--yes']);
      expect(r.status, r.stderr).toBe(3);
      expect(r.stderr).toContain('nothing was changed');
      expect(fs.statSync(spool).size).toBe(size);
      const a = runCli(['truncate', spool, '--incident', inc, '--yes', '--accept-loss', '--json']);
      expect(a.status, a.stderr).toBe(0);
      expect(a.json().late.fate).toBe('lost');
      expect(a.json().uncapturedBytes).toBeGreaterThan(300_000);
      expect(fs.statSync(spool).size).toBe(0);
    } finally {
      mnt.unmount();
    }
  });

  it('refuses a spool that shrank since the capture (rewritten: its content was never captured)', () => {
    const { spool, inc } = captured();
    fs.writeFileSync(spool, message('new@host', 'rewritten'));
    const r = runCli(['truncate', spool, '--incident', inc, '--yes']);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('shrank');
    expect(fs.statSync(spool).size).toBeGreaterThan(0);
  });

  it('says "needs root" to a user who cannot write the spool, and "read-only" on a read-only filesystem (exit 3)', () => {
    fs.chmodSync(tmp.dir, 0o755);
    const spool = path.join(tmp.dir, 'root-only');
    fs.writeFileSync(spool, message('a@host', 'mine'), { mode: 0o644 });
    const bundle = path.resolve('dist/spoolrescue.cjs');
    const nobody = spawnSync(process.execPath, [bundle, 'truncate', spool, '--no-evidence', '--yes'], { uid: 65534, gid: 65534, encoding: 'utf8', cwd: '/' });
    expect(nobody.status, nobody.stderr).toBe(3);
    expect(nobody.stderr).toMatch(/needs root/);
    expect(nobody.stderr).not.toMatch(/locked by a delivery/);
    const mnt = mountTmpfs(path.join(tmp.dir, 'ro'), { size: '1m' });
    try {
      const ro = path.join(mnt.dir, 'root');
      fs.writeFileSync(ro, message('a@host', 'on ro'), { mode: 0o600 });
      remount(mnt.dir, true);
      const r = runCli(['truncate', ro, '--no-evidence', '--yes']);
      expect(r.status, r.stderr).toBe(3);
      expect(r.stderr).toMatch(/read-only filesystem/);
      expect(fs.statSync(ro).size).toBeGreaterThan(0);
    } finally {
      mnt.unmount();
    }
  });
});
