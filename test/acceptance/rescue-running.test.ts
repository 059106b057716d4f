import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWith } from '../helpers/capabilities.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { createPostfixInstance, waitFor, type PostfixInstance } from '../helpers/postfix-instance.js';
import { runCli } from '../helpers/run-cli.js';

// Postfix left running with pickup stopped (mail piles up in maildrop while master runs): raw
// deletion must be refused, and Postfix's own postsuper must do the job without stopping it.
describeWith(['root', 'postfix'], 'acceptance: Postfix left running (refusal, then the postsuper path)', () => {
  const QUEUED = 40;
  const tmp = makeTempDir('accept-running', '/var/tmp');
  let inst: PostfixInstance;
  let maildrop: string;
  let before: fs.Stats;

  beforeAll(async () => {
    inst = createPostfixInstance(path.join(tmp.dir, 'pf'));
    spawnSync('postconf', ['-c', inst.configDir, '-MX', 'pickup/unix']);
    inst.start();
    maildrop = path.join(inst.queueDir, 'maildrop');
    before = fs.statSync(maildrop);
    for (let i = 0; i < QUEUED; i++) inst.sendmail('root', `stuck ${i}`, 'pickup is stopped');
    if (!(await waitFor(() => fs.readdirSync(maildrop).length === QUEUED, 30_000))) throw new Error('messages did not reach maildrop');
  }, 120_000);

  afterAll(() => {
    inst?.dispose();
    tmp.cleanup();
  });

  it('refuses a raw purge of a running instance, changes nothing, and names the postsuper way', () => {
    expect(inst.running()).toBe(true);
    const r = runCli(['purge', maildrop, '--yes', '--postfix-config', inst.configDir]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/running/);
    expect(r.stderr).toMatch(/--postsuper/);
    expect(fs.readdirSync(maildrop).length).toBe(QUEUED);
  });

  it('empties maildrop with postsuper while Postfix keeps running, owner and mode intact', () => {
    const r = runCli(['purge', maildrop, '--postsuper', '--yes', '--json', '--postfix-config', inst.configDir]);
    expect(r.status, r.stderr).toBe(0);
    const j = r.json();
    expect(j.ok).toBe(true);
    expect(j.plan.strategy).toBe('postsuper');
    expect(fs.readdirSync(maildrop)).toEqual([]);
    const st = fs.statSync(maildrop);
    expect([st.uid, st.gid, st.mode & 0o7777, st.ino]).toEqual([before.uid, before.gid, before.mode & 0o7777, before.ino]);
    expect(inst.running()).toBe(true);
    expect(inst.check()).toEqual({ status: 0, output: '' });
  });
});
