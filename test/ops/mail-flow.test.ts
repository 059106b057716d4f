import { afterEach, describe, expect, it } from 'vitest';
import { speak } from '../../src/core/i18n/speak.js';
import { displayWidth } from '../../src/core/text/text-fit.js';
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
const failed = (command: string, stderr: string): CommandResult => ({ command, exitCode: 1, stdout: '', stderr, ok: false, notFound: false, timedOut: false, failure: { code: 'exit', command, exitCode: 1, detail: stderr } });

function deps(o: { running: boolean; start?: CommandResult; sendmail?: CommandResult; deliverAfterPolls?: number; settings?: Partial<PostfixSettings>; log?: boolean; status?: string }) {
  const ran: { program: string; args: readonly string[]; input?: string }[] = [];
  let polls = 0;
  let clock = 0;
  let mailbox = 'From old\nSubject: old\n\n';
  // The mail log as Postfix writes it: an older message, then cleanup names the test message's
  // queue ID at once; its delivery's status comes with the mailbox.
  let log = 'Dec  1 03:00:00 mx postfix/local[7]: 0AAA1: to=<root@mx>, relay=local, status=sent (delivered to mailbox)\n';
  let delivery = '';
  const d: MailFlowDeps = {
    readPostfixSettings: async () => ({ ...SETTINGS, ...o.settings }),
    postfixState: async () => ({ running: o.running, how: o.running ? 'master pid 1' : 'not running' }),
    run: async (program, args, opts) => {
      ran.push({ program, args, input: opts?.input });
      if (program === 'postfix') return o.start ?? ok(`postfix ${args.join(' ')}`);
      const r = o.sendmail ?? ok(`sendmail ${args.join(' ')}`);
      const subject = /^Subject: (.*)$/m.exec(opts?.input ?? '')![1];
      const id = /^Message-ID: <(.*)>$/m.exec(opts?.input ?? '')![1];
      if (r.ok) {
        mailbox += `From root\nSubject: ${subject}\n\n`;
        log += `Dec  1 03:14:00 mx postfix/cleanup[8]: 4BCD9: message-id=<${id}>\n`;
        delivery = `Dec  1 03:14:01 mx postfix/local[9]: 4BCD9: to=<${args.at(-1)}>, relay=local, delay=0.1, ${o.status ?? 'status=sent (delivered to mailbox)'}\n`;
      }
      return r;
    },
    tail: (file) => {
      const arrived = polls++ >= (o.deliverAfterPolls ?? 0);
      if (file === '/log') return arrived ? log + delivery : log;
      return file === '/spool/root' && arrived ? mailbox : 'From old\nSubject: old\n\n';
    },
    mailLog: async () => (o.log === false ? null : '/log'),
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

  it('starts a stopped instance, submits with its sendmail, and waits for its status=sent line in the mail log', async () => {
    const { d, ran } = deps({ running: false, deliverAfterPolls: 3 });
    const plan = await planMailFlow(req, d);
    if ('refused' in plan) throw new Error(plan.refused.reason);
    const r = await runMailFlow(plan, d);
    expect(ran.map((x) => [x.program, ...x.args])).toEqual([['postfix', '-c', '/etc/pf-test', 'start'], ['sendmail', '-C', '/etc/pf-test', '-f', 'root', '--', 'root']]);
    expect(ran[1].input).toContain('Subject: spoolrescue test message abc123\n');
    expect(ran[1].input).toContain('Message-ID: <spoolrescue-abc123@spoolrescue.invalid>\n');
    expect(r).toMatchObject({ started: true, running: true, sent: true, delivered: true, mailbox: '/spool/root', queueId: '4BCD9', waitedMs: 500 });
    expect(r.logLine).toBe('Dec  1 03:14:01 mx postfix/local[9]: 4BCD9: to=<root>, relay=local, delay=0.1, status=sent (delivered to mailbox)');
    expect(r.lines.slice(-2)).toEqual([{ kind: 'queued', text: 'queue ID 4BCD9' }, { kind: 'delivered', text: `delivered to root: ${r.logLine}` }]);
  });

  it('a private test address of another domain: its queue ID and status=sent line are the proof; a bounce is said, not called delivered', async () => {
    const { d, ran } = deps({ running: true, deliverAfterPolls: 2 });
    const plan = await planMailFlow({ ...req, recipient: 'ops-test@example.org' }, d);
    if ('refused' in plan) throw new Error(plan.refused.reason);
    const r = await runMailFlow(plan, d);
    expect(ran.at(-1)!.args).toEqual(['-C', '/etc/pf-test', '-f', 'root', '--', 'ops-test@example.org']);
    expect(ran.at(-1)!.input).toContain('To: ops-test@example.org\n');
    expect(r).toMatchObject({ delivered: true, mailbox: null, queueId: '4BCD9' });
    expect(r.lines.at(-1)!.text).toMatch(/^delivered to ops-test@example\.org: .* 4BCD9: to=<ops-test@example\.org>, .*status=sent/);
    const bounce = deps({ running: true, status: 'status=bounced (Host or domain name not found)' });
    const p2 = await planMailFlow({ ...req, recipient: 'ops-test@example.org' }, bounce.d);
    if ('refused' in p2) throw new Error(p2.refused.reason);
    const r2 = await runMailFlow(p2, bounce.d);
    expect(r2).toMatchObject({ sent: true, delivered: false, queueId: '4BCD9' });
    expect(r2.lines.at(-1)!.kind).toBe('not-delivered');
    expect(r2.lines.at(-1)!.text).toMatch(/^NOT delivered to ops-test@example\.org: .*status=bounced \(Host or domain name not found\)$/);
  });

  it('without a mail log, a local address is seen delivered in its mailbox', async () => {
    const { d } = deps({ running: true, deliverAfterPolls: 1, log: false });
    const plan = await planMailFlow({ ...req, recipient: 'root@localhost' }, d);
    if ('refused' in plan) throw new Error(plan.refused.reason);
    const r = await runMailFlow(plan, d);
    expect(r).toMatchObject({ delivered: true, mailbox: '/spool/root', logLine: null });
    expect(r.lines.at(-1)).toEqual({ kind: 'delivered', text: 'delivered to /spool/root (no mail log line seen)' });
  });

  it('refuses addresses that sendmail could read as options or several recipients', async () => {
    const { d } = deps({ running: true });
    for (const bad of ['-froot', 'root, other', 'a b', 'root@', '@example.org', 'x@-bad', '']) {
      const p = await planMailFlow({ ...req, recipient: bad }, d);
      expect('refused' in p && p.refused.code, bad).toBe('bad-recipient');
    }
  });

  it('leaves a running instance alone; a message not seen in time is said so, not called delivered', async () => {
    const { d, ran } = deps({ running: true, deliverAfterPolls: 1000, log: true });
    const plan = await planMailFlow(req, d);
    if ('refused' in plan) throw new Error(plan.refused.reason);
    const r = await runMailFlow(plan, d);
    expect(ran.map((x) => x.program)).toEqual(['sendmail']);
    expect(r).toMatchObject({ started: false, sent: true, delivered: false });
    expect(r.waitedMs).toBeGreaterThanOrEqual(5000);
    expect(r.queueId).toBe('4BCD9');
    expect(r.lines.at(-1)!.kind).toBe('not-seen');
    expect(r.lines.at(-1)!.text).toMatch(/^not seen delivered yet: look at the mail log and the queue \(postqueue -c \/etc\/pf-test -p\)$/);
  });

  it("a start or a submission that fails is reported with the command's own words", async () => {
    const start = deps({ running: false, start: failed('postfix -c /etc/pf-test start', 'postfix/postfix-script: fatal: no space\n') });
    const p1 = await planMailFlow(req, start.d);
    if ('refused' in p1) throw new Error(p1.refused.reason);
    const r1 = await runMailFlow(p1, start.d);
    expect(r1).toMatchObject({ started: false, sent: false, delivered: false });
    expect(r1.lines).toEqual([{ kind: 'start-failed', text: 'Postfix: could not start: postfix -c /etc/pf-test start exited 1: postfix/postfix-script: fatal: no space' }]);
    const send = deps({ running: true, sendmail: failed('sendmail -C /etc/pf-test -f root -- root', 'postdrop: warning: No space left on device\n') });
    const p2 = await planMailFlow(req, send.d);
    if ('refused' in p2) throw new Error(p2.refused.reason);
    const r2 = await runMailFlow(p2, send.d);
    expect(r2).toMatchObject({ sent: false, delivered: false });
    expect(r2.lines.at(-1)).toEqual({ kind: 'not-accepted', text: 'test message: NOT accepted: sendmail -C /etc/pf-test -f root -- root exited 1: postdrop: warning: No space left on device' });
  });

  describe('in Japanese', () => {
    afterEach(() => speak('en'));

    it('says the start, the acceptance, the delivery and the refusals in Japanese; the test message itself is the same mail', async () => {
      speak('ja');
      const { d, ran } = deps({ running: false, deliverAfterPolls: 3 });
      const plan = await planMailFlow(req, d);
      if ('refused' in plan) throw new Error(plan.refused.reason);
      const r = await runMailFlow(plan, d);
      expect(ran[1].input).toContain('Subject: spoolrescue test message abc123\n');
      expect(ran[1].input).toContain('Sent by spoolrescue after the rescue to check that mail is delivered again.\n');
      expect(r.lines.map((l) => l.kind)).toEqual(['postfix', 'accepted', 'queued', 'delivered']);
      expect(r.lines.map((l) => l.text)).toEqual([
        'Postfix: 起動しました（postfix -c /etc/pf-test start）',
        'テストメールを受け付けました: root（「spoolrescue test message abc123」）',
        'キューID 4BCD9',
        `root に配送されました: ${r.logLine}`,
      ]);
      const late = deps({ running: true, deliverAfterPolls: 1000 });
      const p2 = await planMailFlow(req, late.d);
      if ('refused' in p2) throw new Error(p2.refused.reason);
      expect((await runMailFlow(p2, late.d)).lines.at(-1)).toEqual({ kind: 'not-seen', text: 'まだ配送を確認できません: メールログとキューを見てください（postqueue -c /etc/pf-test -p）' });
      const send = deps({ running: true, sendmail: failed('sendmail -C /etc/pf-test -f root -- root', 'postdrop: warning: No space left on device\n') });
      const p3 = await planMailFlow(req, send.d);
      if ('refused' in p3) throw new Error(p3.refused.reason);
      const r3 = await runMailFlow(p3, send.d);
      expect(r3.lines.at(-1)).toEqual({ kind: 'not-accepted', text: 'テストメールは受け付けられませんでした: sendmail -C /etc/pf-test -f root -- root の終了コード 1: postdrop: warning: No space left on device' });
      const rooted = await planMailFlow({ ...req, paths: createSystemPaths('/mnt/sys') }, d);
      expect('refused' in rooted && rooted.refused).toEqual({ code: 'rooted', reason: '--root の下では救出中のシステムではなく、このホストの Postfix が起動してしまいます', hint: '救出したシステムが起動してから、そのシステムで起動してください。' });
      const noMain = await planMailFlow(req, deps({ running: false, settings: { hasMainCf: false } }).d);
      expect('refused' in noMain && noMain.refused.reason).toBe('/etc/pf-test/main.cf がありません');
      // The screen wraps long lines; the check's own words fit a line of 80 columns.
      for (const l of r.lines.slice(0, 3)) expect(displayWidth(l.text), l.text).toBeLessThanOrEqual(80);
    });
  });
});
