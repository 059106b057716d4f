import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWith } from '../helpers/capabilities.js';
import { createPostfixInstance, waitFor, type PostfixInstance } from '../helpers/postfix-instance.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const LABEL = 'system_u:object_r:postfix_spool_t:s0';

describeWith(['root', 'postfix', 'xattr'], 'purge on a real private Postfix instance', () => {
  const tmp = makeTempDir('purge-postfix');
  let pf: PostfixInstance;
  let masterCf = '';
  const maildrop = () => path.join(pf.queueDir, 'maildrop');
  const purge = (...args: string[]) => runCli(['purge', '--postfix-config', pf.configDir, ...args]);
  const submit = (n: number, tag: string) => {
    for (let i = 0; i < n; i++) expect(pf.sendmail(`root@rescue.example.test`, `${tag} ${i}`, 'cron output').status).toBe(0);
  };
  beforeAll(() => {
    fs.chmodSync(tmp.dir, 0o755); // mkdtemp's 0700 would keep Postfix's daemons (user postfix) out
    pf = createPostfixInstance(tmp.dir);
    masterCf = fs.readFileSync(path.join(pf.configDir, 'master.cf'), 'utf8');
  });
  afterAll(() => {
    pf?.dispose();
    tmp.cleanup();
  });

  it("purges maildrop files dropped by sendmail, keeps Debian's 01730 and the label, and postfix check is clean", () => {
    submit(12, 'flood');
    expect(fs.readdirSync(maildrop())).toHaveLength(12);
    fs.chmodSync(maildrop(), 0o1730);
    execFileSync('setfattr', ['-h', '-n', 'security.selinux', '-v', LABEL, maildrop()]);
    const st = fs.lstatSync(maildrop());
    const r = purge(maildrop(), '--yes', '--json');
    expect(r.status, r.stderr).toBe(0);
    const j = r.json();
    expect(j.plan).toMatchObject({
      kind: 'postfix-queue',
      strategy: 'swap',
      postfix: { running: false, settingsFrom: 'postconf' },
      snapshot: { owner: 'postfix', group: 'postdrop', mode: '01730', label: LABEL },
      tableWarnings: [],
    });
    expect(j.result.entriesRemoved).toBe(12);
    expect(j.verification).toMatchObject({ snapshotHeld: true, empty: true });
    expect(j.postfixCheck).toMatchObject({ ran: true, ok: true, exitCode: 0, output: '' });
    const after = fs.lstatSync(maildrop());
    expect([after.uid, after.gid, after.mode & 0o7777]).toEqual([st.uid, st.gid, 0o1730]);
    expect(pf.check()).toEqual({ status: 0, output: '' });
  });

  it('after the purge Postfix starts and delivers a new message', async () => {
    pf.start();
    submit(1, 'after the purge');
    const mailbox = path.join(pf.mailSpool, 'root');
    const delivered = await waitFor(() => fs.existsSync(mailbox) && fs.readFileSync(mailbox, 'utf8').includes('Subject: after the purge 0'), 30_000);
    pf.stop();
    expect(delivered, fs.existsSync(pf.logFile) ? fs.readFileSync(pf.logFile, 'utf8').slice(-2000) : 'no log').toBe(true);
  });

  it('refuses raw deletion while the instance runs, and offers postsuper, which then empties the queue', async () => {
    execFileSync('postconf', ['-c', pf.configDir, '-MX', 'pickup/unix']);
    try {
      pf.start();
      submit(7, 'while running');
      expect(fs.readdirSync(maildrop())).toHaveLength(7);
      const refused = purge(maildrop(), '--yes');
      expect(refused.status).toBe(3);
      expect(refused.stderr).toMatch(/belongs to a running Postfix \(postfix -c .* status: running\)/);
      expect(refused.stderr).toContain(`--postsuper (runs postsuper -c ${pf.configDir} -d ALL maildrop)`);
      expect(fs.readdirSync(maildrop())).toHaveLength(7);
      const r = purge(maildrop(), '--postsuper', '--yes', '--json');
      expect(r.status, r.stderr).toBe(0);
      const j = r.json();
      expect(j.plan.strategy).toBe('postsuper');
      expect(j.result.postsuper).toMatchObject({ ok: true, deleted: 7, command: `postsuper -c ${pf.configDir} -d ALL maildrop` });
      expect(j.result.entriesRemoved).toBe(7);
      expect(j.verification).toMatchObject({ snapshotHeld: true, empty: true });
      expect(fs.readdirSync(maildrop())).toEqual([]);
      expect(pf.running()).toBe(true);
    } finally {
      pf.stop();
      fs.writeFileSync(path.join(pf.configDir, 'master.cf'), masterCf);
    }
  });

  it('refuses --postsuper for a directory postsuper does not know as a queue', () => {
    const r = purge(path.join(pf.queueDir, 'corrupt'), '--postsuper', '--yes');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--postsuper works on whole Postfix queues/);
  });
});
