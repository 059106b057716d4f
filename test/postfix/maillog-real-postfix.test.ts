import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWith } from '../helpers/capabilities.js';
import { createPostfixInstance, waitFor, type PostfixInstance } from '../helpers/postfix-instance.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// What a real Postfix writes to its maillog_file (deliveries, deferrals to a relayhost nobody
// listens on, a bounce) is read with no unknown lines where it matters.

// A loopback port with nothing listening (taken, then released).
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describeWith(['root', 'postfix'], 'maillog on the log of a private Postfix instance', () => {
  const tmp = makeTempDir('pf-maillog', '/var/tmp');
  let pf: PostfixInstance;
  const log = () => (fs.existsSync(pf.logFile) ? fs.readFileSync(pf.logFile, 'utf8') : '');
  const count = (re: RegExp) => (log().match(re) ?? []).length;

  beforeAll(async () => {
    fs.chmodSync(tmp.dir, 0o755);
    pf = createPostfixInstance(path.join(tmp.dir, 'pf'));
    const port = await closedPort();
    spawnSync('postconf', ['-c', pf.configDir, '-e', 'default_transport = smtp', `relayhost = [127.0.0.1]:${port}`, 'smtp_connect_timeout = 2s']);
    pf.start();
    for (let i = 0; i < 3; i++) expect(pf.sendmail('root', `cron ${i}`, 'job output').status).toBe(0);
    expect(pf.sendmail('nobody-here@far.example', 'to the world', 'deferred').status).toBe(0);
    expect(pf.sendmail('nosuchuser', 'bounce me', 'no such user', 'root@rescue.example.test').status).toBe(0);
    const ok = await waitFor(() => count(/status=sent/g) >= 4 && count(/status=deferred/g) >= 1 && count(/status=bounced/g) >= 1, 60_000);
    if (!ok) throw new Error(`Postfix did not log the expected deliveries:\n${log().slice(-4000)}`);
    // two more attempts for the deferred message
    for (let k = 2; k <= 3; k++) {
      spawnSync('postqueue', ['-c', pf.configDir, '-f']);
      if (!(await waitFor(() => count(/status=deferred/g) >= k, 30_000))) throw new Error(`no retry ${k}:\n${log().slice(-3000)}`);
    }
    pf.stop();
  }, 180_000);
  afterAll(() => {
    pf?.dispose();
    tmp.cleanup();
  });

  it('reads every line and every queue-ID line of the real log', () => {
    const r = runCli(['maillog', pf.logFile, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = r.json().report;
    const lines = log().split('\n').filter(Boolean).length;
    expect(j.lines).toBe(lines);
    expect(j.unparsedLines, JSON.stringify(j.unparsedExamples)).toBe(0);
    expect(j.unrecognisedQueueLines).toEqual([]);
    expect(j.statuses.sent).toBe(count(/status=sent/g));
    expect(j.statuses.deferred).toBe(count(/status=deferred/g));
    expect(j.statuses.bounced).toBe(count(/status=bounced/g));
    const procs = Object.keys(j.days.at(-1).byProcess);
    expect(procs).toEqual(expect.arrayContaining(['postfix/pickup', 'postfix/cleanup', 'postfix/qmgr', 'postfix/local', 'postfix/smtp']));
    expect(j.senders.localUids).toEqual([{ key: '0', count: 5 }]);
    expect(j.senders.bounceNotices).toBe(count(/sender non-delivery notification/g));
  });

  it('names the retried message, its recipient and the folded reason', () => {
    const j = runCli(['maillog', pf.logFile, '--json']).json().report;
    const t = j.topRetried[0];
    expect(t.attempts).toBeGreaterThanOrEqual(3);
    expect(t.recipient).toBe('nobody-here@far.example');
    expect(t.status).toBe('deferred');
    expect(t.reason).toMatch(/^deferred: .*connect to HOST\[IP\]:N: Connection refused/);
    const id = /: ([0-9A-F]+): to=<nobody-here@far\.example>/.exec(log())![1];
    expect(t.queue_id).toBe(id);
  });
});
