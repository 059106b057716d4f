import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWith, has } from '../helpers/capabilities.js';
import { createPostfixInstance, waitFor, type PostfixInstance } from '../helpers/postfix-instance.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const separators = (text: string) => (text.startsWith('From ') ? 1 : 0) + (text.match(/\n\nFrom /g)?.length ?? 0);

// Evidence from what real Postfix writes: an mbox filled by local(8), maildrop files from postdrop.
describeWith(['root', 'postfix'], 'capture and truncate against a private Postfix instance', () => {
  const tmp = makeTempDir('pf-evidence', '/var/tmp');
  let pf: PostfixInstance;
  const incident = path.join(tmp.dir, 'incident.md');
  let mbox: string;
  const subjects = Array.from({ length: 8 }, (_, i) => `Cron <root@rescue> job ${i + 1}`);

  beforeAll(async () => {
    // Postfix's daemons run as the postfix user and must traverse the (0700) temp directory
    fs.chmodSync(tmp.dir, 0o755);
    pf = createPostfixInstance(path.join(tmp.dir, 'pf'));
    pf.start();
    mbox = path.join(pf.mailSpool, 'root');
    for (const s of subjects) {
      const body = s.endsWith('3') ? 'From the archive: 3 files skipped\nline two' : 'output of the job';
      const r = pf.sendmail('root', s, body);
      expect(r.status, r.stderr).toBe(0);
      // one at a time, so the mbox order is the submission order
      const want = subjects.indexOf(s) + 1;
      const ok = await waitFor(() => fs.existsSync(mbox) && separators(fs.readFileSync(mbox, 'latin1')) >= want, 30_000);
      if (!ok) throw new Error(`local delivery did not reach ${mbox}; log:\n${fs.existsSync(pf.logFile) ? fs.readFileSync(pf.logFile, 'utf8').slice(-3000) : 'none'}`);
    }
    pf.stop();
  });
  afterAll(() => {
    pf?.dispose();
    tmp.cleanup();
  });

  it('captures the first and last messages of an mbox written by local(8)', () => {
    const r = runCli(['capture', mbox, '--incident', incident, '--messages', '3', '--count', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = r.json().mbox;
    expect(j.count).toBe(8);
    const subjectOf = (t: string) => /^Subject: (.*)$/m.exec(t)?.[1];
    expect(j.first.map((m: any) => subjectOf(m.text))).toEqual(subjects.slice(0, 3));
    expect(j.last.map((m: any) => subjectOf(m.text))).toEqual(subjects.slice(-3));
    // Postfix writes "From sender  asctime" and quotes body "From " lines
    expect(j.first[0].fromLine).toMatch(/^From cron@rescue\.example\.test {2}\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/);
    expect(j.first[0].date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    expect(j.first[2].text).toContain('\n>From the archive: 3 files skipped\n');
    expect(j.last.every((m: any) => !m.incomplete)).toBe(true);
  });

  it('decodes real maildrop files with postcat (dropped by sendmail -C while Postfix is stopped)', () => {
    for (let i = 0; i < 4; i++) expect(pf.sendmail(`user${i}@example.test`, `queued ${i}`, 'stuck in maildrop', `sender${i}@rescue.example.test`).status).toBe(0);
    const maildrop = path.join(pf.queueDir, 'maildrop');
    expect(fs.readdirSync(maildrop)).toHaveLength(4);
    const r = runCli(['--postfix-config', pf.configDir, 'capture', maildrop, '--incident', incident, '--messages', '2', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const q = r.json().queue;
    expect(q.count).toBe(4);
    expect(q.decoder).toBe(`postcat -c ${pf.configDir}`);
    const files = [...q.oldest, ...q.newest];
    for (const f of files) {
      expect(f.decodedBy).toBe('postcat');
      const i = Number(/^sender(\d)@/.exec(f.envelope.sender)?.[1]);
      expect(f.envelope.recipients).toEqual([`user${i}@example.test`]);
      expect(f.envelope.headers).toContain(`Subject: queued ${i}`);
      expect(f.envelope.arrival).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    }
    expect(fs.readFileSync(incident, 'utf8')).toContain('- decoded by: postcat');
  });

  it('truncates the mbox under Postfix\'s locks (postlock -c when installed), keeping inode, owner and mode', () => {
    const before = fs.statSync(mbox);
    const r = runCli(['--postfix-config', pf.configDir, 'truncate', mbox, '--incident', incident, '--yes', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = r.json();
    // Without postlock on PATH (the minimal-host leg), the same locks local(8) takes, held by spoolrescue.
    if (has('postlock')) expect(j.lock.method).toBe(`postlock -c ${pf.configDir} (Postfix's own mailbox locks)`);
    else expect(j.lock.method).toMatch(/^fcntl lock \((perl|python3) .*\) and dotlock/);
    const after = fs.statSync(mbox);
    expect(after.size).toBe(0);
    expect([after.ino, after.uid, after.gid, after.mode]).toEqual([before.ino, before.uid, before.gid, before.mode]);
    expect(j).toMatchObject({ sizeBeforeBytes: before.size, sizeAfterBytes: 0, kept: true, uncapturedBytes: 0 });
  });
});
