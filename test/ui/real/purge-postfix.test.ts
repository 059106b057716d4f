import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWith, itWith } from '../../helpers/capabilities.js';
import { createPostfixInstance, type PostfixInstance } from '../../helpers/postfix-instance.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { realPortsFor } from './context.js';

// The walk's purge against a real private Postfix instance (--postfix-config): stopped, the queue
// is swapped empty and `postfix check` runs; running, the plan is postsuper -d ALL (Postfix
// deletes its own files), and what postsuper cannot do is refused in words.

describeWith(['root', 'postfix'], "the walk's purge on a real Postfix instance", () => {
  const tmp = makeTempDir('tui-purge-postfix');
  let pf: PostfixInstance;
  let masterCf = '';
  const maildrop = () => path.join(pf.queueDir, 'maildrop');
  const submit = (n: number, tag: string) => {
    for (let i = 0; i < n; i++) expect(pf.sendmail('root@rescue.example.test', `${tag} ${i}`, 'cron output').status).toBe(0);
  };
  const signal = () => new AbortController().signal;
  beforeAll(() => {
    fs.chmodSync(tmp.dir, 0o755); // Postfix's daemons (user postfix) must reach the instance
    pf = createPostfixInstance(tmp.dir);
    masterCf = fs.readFileSync(path.join(pf.configDir, 'master.cf'), 'utf8');
  });
  afterAll(() => {
    pf?.dispose();
    tmp.cleanup();
  });

  itWith(['xattr', 'chattr'], 'stopped: swaps maildrop empty, keeps owner and mode, and shows a clean postfix check', async () => {
    submit(6, 'flood');
    const ports = realPortsFor(undefined, pf.configDir);
    const review = await ports.purge.plan(maildrop(), { signal: signal() });
    const plan = review.lines.join('\n');
    expect(plan).toMatch(/Postfix: +not running/);
    expect(plan).toMatch(/strategy: +swap/);
    expect(review.entries).toBe(6);
    const st = fs.statSync(maildrop());
    const r = await ports.purge.execute(review, { signal: signal() });
    expect(r.failures).toEqual([]);
    expect(r.lines).toContain('  postfix check: ok, nothing to report');
    const after = fs.statSync(maildrop());
    expect([after.uid, after.gid, after.mode]).toEqual([st.uid, st.gid, st.mode]);
    expect(fs.readdirSync(maildrop())).toEqual([]);
  });

  it('running: plans postsuper -d ALL for a whole queue, refuses raw deletion elsewhere', async () => {
    execFileSync('postconf', ['-c', pf.configDir, '-MX', 'pickup/unix']); // files stay in maildrop
    try {
      pf.start();
      submit(4, 'while running');
      const ports = realPortsFor(undefined, pf.configDir);
      const review = await ports.purge.plan(maildrop(), { signal: signal() });
      expect(review.refusal).toBeUndefined();
      const plan = review.lines.join('\n');
      expect(plan).toMatch(/Postfix: +RUNNING/);
      expect(plan).toMatch(/strategy: +postsuper/);
      expect(plan).toContain(`postsuper -c ${pf.configDir} -d ALL maildrop`);
      const r = await ports.purge.execute(review, { signal: signal() });
      expect(r.failures).toEqual([]);
      expect(r.lines.join('\n')).toContain(`postsuper -c ${pf.configDir} -d ALL maildrop: ok`);
      expect(fs.readdirSync(maildrop())).toEqual([]);
      expect(pf.running()).toBe(true);
      const corrupt = await ports.purge.plan(path.join(pf.queueDir, 'corrupt'), { signal: signal() });
      expect(corrupt.refusal).toMatch(/belongs to a running Postfix \(postfix -c .* status: running\)/);
      expect(corrupt.refusal).toContain(`Stop Postfix (postfix -c ${pf.configDir} stop) and rerun`);
    } finally {
      pf.stop();
      fs.writeFileSync(path.join(pf.configDir, 'master.cf'), masterCf);
    }
  });
});
