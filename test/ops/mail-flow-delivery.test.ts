import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createSystemPaths } from '../../src/core/system-paths.js';
import { planMailFlow, runMailFlow } from '../../src/ops/mail-flow.js';
import { realMailFlowDeps } from '../../src/ops/real/mail-flow.js';
import { describeWith } from '../helpers/capabilities.js';
import { createPostfixInstance } from '../helpers/postfix-instance.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// The mail flow check after the purge on a real private Postfix: the stopped instance is started,
// the test message goes to the private test address the operator gave (not root), and is shown
// delivered by the mail log's status=sent line for its own queue ID; root's mailbox is untouched.
// An address Postfix cannot deliver is said NOT delivered, with the log's bounce line.
describeWith(['root', 'postfix'], 'mail flow check on a private Postfix: the test message reaches the given address', () => {
  const tmp = makeTempDir('mail-flow', '/var/tmp');
  const inst = createPostfixInstance(path.join(tmp.dir, 'pf'));
  afterAll(() => {
    inst.dispose();
    tmp.cleanup();
  });
  const paths = createSystemPaths(undefined);
  const request = (recipient: string) => ({ paths, postfixConfig: inst.configDir, recipient, tag: crypto.randomBytes(4).toString('hex'), waitMs: 60_000 });

  it('starts the stopped instance and sees the message delivered to nobody@localhost, by its queue ID in the mail log', async () => {
    expect(inst.running()).toBe(false);
    const deps = realMailFlowDeps();
    const plan = await planMailFlow(request('nobody@localhost'), deps);
    if ('refused' in plan) throw new Error(plan.refused.reason);
    const r = await runMailFlow(plan, deps);
    expect(r.lines[0].text).toBe(`Postfix: started (postfix -c ${inst.configDir} start)`);
    expect(inst.running()).toBe(true);
    expect(r).toMatchObject({ started: true, sent: true, delivered: true, mailbox: path.join(inst.mailSpool, 'nobody') });
    expect(r.queueId).toMatch(/^[0-9A-Za-z]+$/);
    expect(r.logLine).toMatch(new RegExp(`postfix/local\\[\\d+\\]: ${r.queueId}: to=<nobody@localhost>, .*status=sent \\(delivered to mailbox\\)$`));
    expect(r.lines.at(-1)!.text).toBe(`delivered to nobody@localhost: ${r.logLine}`);
    // The line is the instance's own log's, and the message is in nobody's mailbox, not root's.
    const log = fs.readFileSync(inst.logFile, 'utf8');
    expect(log).toContain(r.logLine!);
    expect(log).toContain(`${r.queueId}: message-id=<spoolrescue-${plan.request.tag}@spoolrescue.invalid>`);
    expect(fs.readFileSync(path.join(inst.mailSpool, 'nobody'), 'utf8')).toContain(`Subject: ${r.subject}\n`);
    expect(fs.existsSync(path.join(inst.mailSpool, 'root'))).toBe(false);
  }, 120_000);

  it('an address Postfix cannot deliver (no transport to other domains here) is NOT delivered, with its bounce line', async () => {
    const deps = realMailFlowDeps();
    const plan = await planMailFlow(request('ops-test@elsewhere.example'), deps);
    if ('refused' in plan) throw new Error(plan.refused.reason);
    const r = await runMailFlow(plan, deps);
    expect(r.lines[0].text).toMatch(/^Postfix: already running/);
    expect(r).toMatchObject({ started: false, sent: true, delivered: false, mailbox: null });
    expect(r.logLine).toMatch(new RegExp(`${r.queueId}: to=<ops-test@elsewhere\\.example>, .*status=bounced`));
    expect(r.lines.at(-1)!.text).toBe(`NOT delivered to ops-test@elsewhere.example: ${r.logLine}`);
  }, 120_000);
});
