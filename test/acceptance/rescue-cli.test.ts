import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWith } from '../helpers/capabilities.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { mountExt4Image, mountTmpfs, type TestMount } from '../helpers/mounts.js';
import { createPostfixInstance, waitFor, type PostfixInstance } from '../helpers/postfix-instance.js';
import { floodMaildrop, submitWithTimeout, treeChecksums, type FloodResult } from '../helpers/flood.js';
import { runCli } from '../helpers/run-cli.js';

// The incident the project exists for, with real parts: a private Postfix whose queue and mail
// spool live on a small ext4 filesystem with few inodes; root's mbox holds a few hundred real
// deliveries; a runaway job floods maildrop until no inode is left and Postfix refuses mail.
// Then the rescue with the CLI, and the proof that mail flows again and nothing else changed.
describeWith(['root', 'postfix', 'mount'], 'acceptance: rescue a real Postfix on a really full filesystem (CLI)', () => {
  const DELIVERED = 300;
  const tmp = makeTempDir('accept', '/var/tmp');
  let disk: TestMount;
  let evidence: TestMount;
  let inst: PostfixInstance;
  let maildrop: string;
  let mbox: string;
  let before: { uid: number; gid: number; mode: number };
  let flood: FloodResult;
  let rest: Map<string, string>;
  const incident = () => path.join(evidence.dir, 'incident.md');
  const pf = () => ['--postfix-config', inst.configDir];

  beforeAll(async () => {
    disk = mountExt4Image(path.join(tmp.dir, 'disk'), { sizeMB: 48, inodes: 2048 });
    evidence = mountTmpfs(path.join(tmp.dir, 'evidence'), { size: '32m' });
    inst = createPostfixInstance(path.join(tmp.dir, 'pf'), {
      queueDir: path.join(disk.dir, 'spool/postfix'),
      mailSpool: path.join(disk.dir, 'spool/mail'),
    });
    maildrop = path.join(inst.queueDir, 'maildrop');
    mbox = path.join(inst.mailSpool, 'root');
    const st = fs.statSync(maildrop);
    before = { uid: st.uid, gid: st.gid, mode: st.mode & 0o7777 };
    inst.start();
    for (let i = 0; i < DELIVERED; i++) {
      const r = inst.sendmail('root', `Cron <root@rescue> run-parts /etc/cron.hourly #${i}`, `job ${i} output\nFrom the archive: nothing to do\n`);
      if (r.status !== 0) throw new Error(`sendmail ${i} failed: ${r.stderr}`);
    }
    const countFrom = () => (fs.existsSync(mbox) ? (fs.readFileSync(mbox, 'latin1').match(/^From /gm) ?? []).length : 0);
    if (!(await waitFor(() => countFrom() >= DELIVERED, 120_000))) throw new Error(`only ${countFrom()} of ${DELIVERED} messages delivered`);
    inst.stop();
    flood = await floodMaildrop(inst, { maxSubmissions: 150 });
  }, 600_000);

  afterAll(() => {
    inst?.dispose();
    evidence?.unmount();
    disk?.unmount();
    tmp.cleanup();
  });

  it('is really full: no inode left, and Postfix refuses new mail', () => {
    expect(flood.submitted).toBeGreaterThan(0);
    expect(flood.refusal.status).not.toBe(0);
    expect(flood.refusal.stderr).toMatch(/No space left on device/);
    expect(fs.statfsSync(disk.dir).ffree).toBe(0);
    expect(fs.readdirSync(maildrop).length).toBe(flood.submitted + flood.copies);
  });

  it('df flags the filesystem for its inodes', () => {
    const r = runCli(['df', '--json']);
    expect(r.status).toBe(0);
    const row = r.json().filesystems.find((f: { mount: string }) => f.mount === disk.dir);
    expect(row).toBeDefined();
    expect(row.inodesFree).toBe(0);
    expect(row.inodeUsePercent).toBe(100);
    expect(row.flags.map((f: { code: string }) => f.code)).toContain('inodes-full');
  });

  it('hotspots names maildrop first by entries, tagged as a mail path', () => {
    const r = runCli(['hotspots', disk.dir, '--json', ...pf()]);
    expect(r.status).toBe(0);
    const top = r.json().byEntries[0];
    expect(top.path).toBe(maildrop);
    expect(top.entries).toBe(flood.submitted + flood.copies);
    expect(JSON.stringify(top.mail)).toMatch(/maildrop/);
  });

  it('refuses to put the evidence on the full filesystem and names a tmpfs with room', () => {
    const onFull = path.join(disk.dir, 'incident.md');
    const r = runCli(['capture', mbox, '--incident', onFull, ...pf()]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/refusing to write the incident file/);
    expect(r.stderr).toContain(evidence.dir);
    expect(fs.existsSync(onFull)).toBe(false);
  });

  it("captures root's first and last messages and maildrop's oldest and newest files on the tmpfs", () => {
    rest = treeChecksums(disk.dir, maildrop);
    const m = runCli(['capture', mbox, '--incident', incident(), '--messages', '5', '--json', ...pf()]);
    expect(m.status).toBe(0);
    const q = runCli(['capture', maildrop, '--incident', incident(), '--messages', '3', '--json', ...pf()]);
    expect(q.status).toBe(0);
    const text = fs.readFileSync(incident(), 'utf8');
    // Delivery order is Postfix's, not submission order: take the expectation from the mbox itself.
    const subjects = fs
      .readFileSync(mbox, 'utf8')
      .split(/\n\n(?=From )/)
      .map((m) => /^Subject: (.*)$/m.exec(m)![1]);
    expect(subjects.length).toBe(DELIVERED);
    for (const s of [...subjects.slice(0, 5), ...subjects.slice(-5)]) expect(text).toContain(`Subject: ${s}\n`);
    for (const s of subjects.slice(5, -5)) expect(text).not.toContain(`Subject: ${s}\n`);
    const names = fs.readdirSync(maildrop);
    const mtime = new Map(names.map((n) => [n, fs.lstatSync(path.join(maildrop, n)).mtimeMs]));
    const times = [...mtime.values()];
    const j = q.json();
    expect(j.queue.count).toBe(names.length);
    // The kernel stamps files with a coarse clock: several may share the oldest or newest mtime.
    const [oldest, newest] = [j.queue.oldest[0].name, j.queue.newest[0].name];
    expect(mtime.get(oldest)).toBe(Math.min(...times));
    expect(mtime.get(newest)).toBe(Math.max(...times));
    expect(text).toContain(oldest);
    expect(text).toContain(newest);
    expect(text).toMatch(/sender: cron@rescue\.example\.test/);
    expect(fs.statSync(incident()).mode & 0o777).toBe(0o600);
    expect(text).toMatch(/[0-9a-f]{64}/);
  });

  it('purges maildrop in place (no inode free for a new directory) and verifies it', () => {
    const r = runCli(['purge', maildrop, '--yes', '--incident', incident(), '--json', ...pf()]);
    const j = r.json();
    expect(r.status, r.stderr).toBe(0);
    expect(j.ok).toBe(true);
    expect(j.plan.strategy).toBe('in-place');
    expect(j.result.entriesRemoved).toBe(flood.submitted + flood.copies);
    expect(j.verification.snapshotHeld).toBe(true);
    expect(j.postfixCheck.ran).toBe(true);
    expect(j.postfixCheck.ok).toBe(true);
  });

  it('leaves maildrop empty with exactly its pre-incident owner, group and mode, and nothing else changed', () => {
    const st = fs.statSync(maildrop);
    expect({ uid: st.uid, gid: st.gid, mode: st.mode & 0o7777 }).toEqual(before);
    expect(fs.readdirSync(maildrop)).toEqual([]);
    expect(treeChecksums(disk.dir, maildrop)).toEqual(rest);
  });

  it('passes postfix check silently, starts, and delivers a new message to root', async () => {
    const check = spawnSync('postfix', ['-c', inst.configDir, 'check'], { encoding: 'utf8' });
    expect(check.status).toBe(0);
    expect(check.stdout + check.stderr).toBe('');
    inst.start();
    const sizeBefore = fs.statSync(mbox).size;
    const sent = await submitWithTimeout(inst, 'mail flows again', 'after the rescue');
    expect(sent.accepted).toBe(true);
    expect(await waitFor(() => fs.statSync(mbox).size > sizeBefore && fs.readFileSync(mbox, 'utf8').includes('Subject: mail flows again'), 60_000)).toBe(true);
    inst.stop();
  });

  it('has the whole story in the incident file', () => {
    const text = fs.readFileSync(incident(), 'utf8');
    expect(text).toMatch(/spoolrescue capture: mbox/);
    expect(text).toMatch(/spoolrescue capture: queue/);
    expect(text).toMatch(/purge/i);
    expect(text).toContain(maildrop);
  });
});
