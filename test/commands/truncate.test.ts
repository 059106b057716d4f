import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { createRng } from '../../fixtures/lib/prng.js';
import { writeMbox } from '../../fixtures/lib/mbox.js';
import { parseRecordLine } from '../../src/core/incident/records.js';
import { describeWith, has } from '../helpers/capabilities.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/postfix-instance.js';

// The concurrent holder is Postfix's own postlock, run by its full path: on the minimal-host leg
// PATH hides it from spoolrescue, which must then wait for it through its own dotlock and fcntl lock.
const postlockBin = ['/usr/sbin/postlock', '/usr/bin/postlock', '/sbin/postlock'].find((p) => fs.existsSync(p)) ?? 'postlock';

// Truncation in place, under Postfix's lock (real postlock), only after a recorded capture.
describeWith(['root', 'postfix'], 'spoolrescue truncate', () => {
  const tmp = makeTempDir('truncate', '/var/tmp');
  const holders: ReturnType<typeof spawn>[] = [];
  afterEach(() => {
    for (const h of holders.splice(0)) if (h.exitCode === null) h.kill('SIGKILL');
  });
  afterAll(tmp.cleanup);
  let n = 0;
  const makeSpool = () => {
    const p = path.join(tmp.dir, `spool${++n}`);
    writeMbox({ path: p, rng: createRng(n), messages: 50, startMs: Date.UTC(2025, 0, 1), endMs: Date.UTC(2026, 0, 1), mode: 0o660, uid: 8, gid: 8 });
    return p;
  };
  const incidentFor = (spool: string) => {
    const inc = `${spool}.incident.md`;
    const r = runCli(['capture', spool, '--incident', inc]);
    expect(r.status, r.stderr).toBe(0);
    return inc;
  };
  const records = (inc: string) => fs.readFileSync(inc, 'utf8').split('\n').map(parseRecordLine).filter(Boolean) as Record<string, any>[];

  it('truncates in place: same inode, owner, group and mode; records sizes before and after', () => {
    const spool = makeSpool();
    const inc = incidentFor(spool);
    const before = fs.statSync(spool);
    const r = runCli(['truncate', spool, '--incident', inc, '--yes']);
    expect(r.status, r.stderr).toBe(0);
    const after = fs.statSync(spool);
    expect(after.size).toBe(0);
    expect({ ino: after.ino, dev: after.dev, uid: after.uid, gid: after.gid, mode: after.mode }).toEqual({ ino: before.ino, dev: before.dev, uid: 8, gid: 8, mode: before.mode });
    // lines longer than 80 columns continue on the next, indented: read them joined
    expect(r.stdout.replace(/\n +/g, ' ')).toContain(`truncated ${spool}: ${before.size} -> 0 bytes; inode, owner and mode kept`);
    // On a host without postlock (the minimal-host leg) the fcntl lock is held through perl or python3.
    expect(r.stdout.replace(/\n +/g, ' ')).toMatch(has('postlock') ? /lock: postlock/ : /lock: fcntl lock \((perl|python3) .*\) and dotlock/);
    const t = records(inc).find((x) => x.step === 'truncate')!;
    expect(t).toMatchObject({ sizeBefore: before.size, sizeAfter: 0, ino: before.ino, kept: true, uid: 8, gid: 8, mode: '0660' });
    expect(fs.existsSync(`${spool}.lock`)).toBe(false);
  });

  it('refuses without a capture of this very inode, and without --yes when there is no terminal', () => {
    const spool = makeSpool();
    const size = fs.statSync(spool).size;
    const other = incidentFor(makeSpool());
    const r = runCli(['truncate', spool, '--incident', other, '--yes']);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('holds no capture of');
    const inc = incidentFor(spool);
    // same path, new inode: the captured bytes are not the ones that would be destroyed
    fs.copyFileSync(spool, `${spool}.new`);
    fs.renameSync(`${spool}.new`, spool);
    expect(runCli(['truncate', spool, '--incident', inc, '--yes']).status).toBe(3);
    const inc2 = incidentFor(spool);
    const noTty = runCli(['truncate', spool, '--incident', inc2]);
    expect(noTty.status).toBe(3);
    expect(noTty.stderr).toContain('Add --yes');
    expect(fs.statSync(spool).size).toBe(size);
    const noEvidence = runCli(['truncate', spool, '--no-evidence', '--yes', '--json']);
    expect(noEvidence.status, noEvidence.stderr).toBe(0);
    expect(noEvidence.json()).toMatchObject({ sizeBeforeBytes: size, sizeAfterBytes: 0, evidence: null, kept: true });
  });

  it('waits for a concurrent holder of the lock, then truncates what it left', async () => {
    const spool = makeSpool();
    const inc = incidentFor(spool);
    const late = 'From late@x  Mon Jan  5 12:00:00 2026\nSubject: late\n\nbody\n\n';
    const marker = `${spool}.holder-started`;
    // the holder appends one more message after 2 s while holding Postfix's lock
    const h = spawn(postlockBin, [spool, '/bin/sh', '-c', `touch '${marker}'; sleep 2; printf '%s' '${late}' >> '${spool}'`], { stdio: 'ignore' });
    holders.push(h);
    expect(await waitFor(() => fs.existsSync(marker), 10_000)).toBe(true);
    const sizeWhileHeld = fs.statSync(spool).size;
    const r = await new Promise<{ status: number | null; stdout: string }>((resolve) => {
      const c = spawn(process.execPath, [path.resolve('dist/spoolrescue.cjs'), 'truncate', spool, '--incident', inc, '--yes', '--json', '--wait', '60']);
      let out = '';
      c.stdout.on('data', (d) => (out += d));
      c.on('close', (status) => resolve({ status, stdout: out }));
    });
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    // it truncated only after the holder had appended and released the lock
    expect(j.sizeBeforeBytes).toBe(sizeWhileHeld + late.length);
    // what the holder delivered after the capture was kept in the incident file under the lock first
    expect(j.uncapturedBytes).toBe(0);
    expect(j.late).toEqual({ sizeBytes: late.length, fate: 'kept' });
    const kept = records(inc).find((x) => x.kind === 'late')!;
    expect(kept).toMatchObject({ fromOffset: sizeWhileHeld, length: late.length });
    expect(fs.readFileSync(inc, 'utf8')).toContain('Subject: late');
    expect(fs.statSync(spool).size).toBe(0);
  });

  it('fails clearly, changing nothing, when the holder keeps the lock past --wait', async () => {
    const spool = makeSpool();
    const inc = incidentFor(spool);
    const size = fs.statSync(spool).size;
    const marker = `${spool}.holder-started`;
    const h = spawn(postlockBin, [spool, '/bin/sh', '-c', `touch '${marker}'; sleep 60`], { stdio: 'ignore' });
    holders.push(h);
    expect(await waitFor(() => fs.existsSync(marker), 10_000)).toBe(true);
    const r = runCli(['truncate', spool, '--incident', inc, '--yes', '--wait', '2']);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/^spoolrescue truncate: (postlock .*(still held by another process after 2 s|failed)|fcntl lock of .* (still held by another process after 2 s|failed)|the dotlock .* is held by another process)/);
    expect(r.stderr).toMatch(/nothing was changed/i);
    expect(fs.statSync(spool).size).toBe(size);
    h.kill('SIGKILL');
    spawnSync('sleep', ['0.2']);
  });

  it('refuses a symlink and a directory', () => {
    const spool = makeSpool();
    const link = path.join(tmp.dir, 'link');
    fs.symlinkSync(spool, link);
    const s = runCli(['truncate', link, '--no-evidence', '--yes']);
    expect(s.status).toBe(3);
    expect(s.stderr).toContain('is a symlink to');
    expect(runCli(['truncate', tmp.dir, '--no-evidence', '--yes']).status).toBe(3);
    expect(fs.statSync(spool).size).toBeGreaterThan(0);
  });
});
