import { describe, expect, it } from 'vitest';
import { createSystemPaths } from '../../src/core/system-paths.js';
import type { PostfixSettings } from '../../src/io/postfix/settings.js';
import type { CommandResult } from '../../src/io/system/run-command.js';
import { planMailFlow, runMailFlow, type MailFlowDeps } from '../../src/ops/mail-flow.js';

// The mail flow check's decisions with its outside world given as data: never under --root,
// Postfix started only when stopped, the test message submitted with the instance's sendmail,
// delivered only when its subject shows in the mailbox, a refusal of sendmail or start said with
// the command's own words. (The real start and delivery run in test/acceptance/rescue-plan-tui.test.ts.)

const SETTINGS = { configDir: '/etc/pf-test', hasMainCf: true, queueDirectory: '/q', mailSpoolDirectory: '/spool', postfixInstalled: true } as PostfixSettings;
const ok = (command: string): CommandResult => ({ command, exitCode: 0, stdout: '', stderr: '', ok: true, notFound: false, timedOut: false });
const failed = (command: string, stderr: string): CommandResult => ({ command, exitCode: 1, stdout: '', stderr, ok: false, notFound: false, timedOut: false, failure: stderr });

function deps(o: { running: boolean; start?: CommandResult; sendmail?: CommandResult; deliverAfterPolls?: number; settings?: Partial<PostfixSettings> }) {
  const ran: { program: string; args: readonly string[]; input?: string }[] = [];
  let polls = 0;
  let clock = 0;
  let mailbox = 'From old\nSubject: old\n\n';
  const d: MailFlowDeps = {
    readPostfixSettings: async () => ({ ...SETTINGS, ...o.settings }),
    postfixState: async () => ({ running: o.running, how: o.running ? 'master pid 1' : 'not running' }),
    run: async (program, args, opts) => {
      ran.push({ program, args, input: opts?.input });
      if (program === 'postfix') return o.start ?? ok(`postfix ${args.join(' ')}`);
      const r = o.sendmail ?? ok(`sendmail ${args.join(' ')}`);
      const subject = /^Subject: (.*)$/m.exec(opts?.input ?? '')![1];
      if (r.ok) mailbox += `From root\nSubject: ${subject}\n\n`;
      return r;
    },
    tail: (file) => {
      polls++;
      return file === '/spool/root' && polls > (o.deliverAfterPolls ?? 0) ? mailbox : 'From old\nSubject: old\n\n';
    },
    sleep: async (ms) => {
      clock += ms;
    },
    now: () => clock,
  };
  return { d, ran };
}

const req = { paths: createSystemPaths(undefined), postfixConfig: '/etc/pf-test', recipient: 'root', tag: 'abc123', waitMs: 5000 };

describe('mail flow check', () => {
  it('refuses under --root (the host Postfix would start) and without main.cf', async () => {
    const { d } = deps({ running: false });
    const rooted = await planMailFlow({ ...req, paths: createSystemPaths('/mnt/rescue') }, d);
    expect('refused' in rooted && rooted.refused.code).toBe('rooted');
    const noMain = await planMailFlow(req, deps({ running: false, settings: { hasMainCf: false } }).d);
    expect('refused' in noMain && noMain.refused.reason).toBe('/etc/pf-test/main.cf does not exist');
    expect('refused' in (await planMailFlow({ ...req, recipient: 'root; rm' }, d))).toBe(true);
  });

  it('starts a stopped instance, submits with its sendmail, and waits until the subject is in the mailbox', async () => {
    const { d, ran } = deps({ running: false, deliverAfterPolls: 3 });
    const plan = await planMailFlow(req, d);
    if ('refused' in plan) throw new Error(plan.refused.reason);
    const r = await runMailFlow(plan, d);
    expect(ran.map((x) => [x.program, ...x.args])).toEqual([['postfix', '-c', '/etc/pf-test', 'start'], ['sendmail', '-C', '/etc/pf-test', '-f', 'root', 'root']]);
    expect(ran[1].input).toContain('Subject: spoolrescue test message abc123\n');
    expect(r).toMatchObject({ started: true, running: true, sent: true, delivered: true, mailbox: '/spool/root', waitedMs: 750 });
    expect(r.lines.at(-1)).toBe('delivered to /spool/root');
  });

  it('leaves a running instance alone; a message not seen in time is said so, not called delivered', async () => {
    const { d, ran } = deps({ running: true, deliverAfterPolls: 1000 });
    const plan = await planMailFlow(req, d);
    if ('refused' in plan) throw new Error(plan.refused.reason);
    const r = await runMailFlow(plan, d);
    expect(ran.map((x) => x.program)).toEqual(['sendmail']);
    expect(r).toMatchObject({ started: false, sent: true, delivered: false });
    expect(r.waitedMs).toBeGreaterThanOrEqual(5000);
    expect(r.lines.at(-1)).toMatch(/^not seen in \/spool\/root yet: look at the mail log and the queue \(postqueue -c \/etc\/pf-test -p\)$/);
  });

  it("a start or a submission that fails is reported with the command's own words", async () => {
    const start = deps({ running: false, start: failed('postfix -c /etc/pf-test start', 'postfix/postfix-script: fatal: no space\n') });
    const p1 = await planMailFlow(req, start.d);
    if ('refused' in p1) throw new Error(p1.refused.reason);
    const r1 = await runMailFlow(p1, start.d);
    expect(r1).toMatchObject({ started: false, sent: false, delivered: false });
    expect(r1.lines).toEqual(['Postfix: could not start: postfix -c /etc/pf-test start exited 1: postfix/postfix-script: fatal: no space']);
    const send = deps({ running: true, sendmail: failed('sendmail -C /etc/pf-test -f root root', 'postdrop: warning: No space left on device\n') });
    const p2 = await planMailFlow(req, send.d);
    if ('refused' in p2) throw new Error(p2.refused.reason);
    const r2 = await runMailFlow(p2, send.d);
    expect(r2).toMatchObject({ sent: false, delivered: false });
    expect(r2.lines.at(-1)).toBe('test message: NOT accepted: sendmail -C /etc/pf-test -f root root exited 1: postdrop: warning: No space left on device');
  });
});
