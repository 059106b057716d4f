import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { writePrivatePostfixConfig } from '../../fixtures/lib/postfix-config.js';

// A private Postfix instance (postfix -c DIR) whose queue, data and mail spool live in a test
// directory, with no inet listeners and no chroot: real Postfix without touching the host's.
export interface PostfixInstance {
  base: string;
  configDir: string;
  queueDir: string;
  dataDir: string;
  mailSpool: string;
  logFile: string;
  /** Submits a message with the real sendmail -C (lands in maildrop; delivered if running). */
  sendmail(to: string, subject: string, body: string, from?: string): { status: number | null; stderr: string };
  start(): void;
  stop(): void;
  running(): boolean;
  /** Output of `postfix -c DIR check` (empty when clean). */
  check(): { status: number | null; output: string };
  postconf(name: string): string;
  /** Stops the instance if running (afterAll). */
  dispose(): void;
}

export interface InstanceOptions {
  /** Where the queue lives (e.g. on a small mounted filesystem); default base/spool. */
  queueDir?: string;
  /** Where local(8) delivers mailboxes; default base/mail. */
  mailSpool?: string;
}

const run = (cmd: string, args: string[], input?: string) => {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
};

// Creates and checks a private instance under base (root only).
export function createPostfixInstance(base: string, opts: InstanceOptions = {}): PostfixInstance {
  const configDir = path.join(base, 'etc');
  const queueDir = opts.queueDir ?? path.join(base, 'spool');
  const dataDir = path.join(base, 'data');
  const mailSpool = opts.mailSpool ?? path.join(base, 'mail');
  const logFile = path.join(base, 'log', 'postfix.log');
  for (const d of [configDir, queueDir, dataDir, mailSpool, path.dirname(logFile)]) fs.mkdirSync(d, { recursive: true });
  // Postfix's daemons run as the postfix user: every directory above the queue must be
  // traversable (mkdtemp makes 0700 directories).
  for (let d = path.dirname(queueDir); d !== path.dirname(d); d = path.dirname(d)) {
    if ((fs.statSync(d).mode & 0o001) === 0) fs.chmodSync(d, fs.statSync(d).mode | 0o055);
  }
  for (const d of [base, configDir]) fs.chmodSync(d, 0o755);
  execFileSync('chown', ['postfix', dataDir]);
  fs.chmodSync(mailSpool, 0o1777);
  writePrivatePostfixConfig({ configDir, queueDir, dataDir, myhostname: 'rescue.example.test', mailSpool, logFile });
  const check = () => {
    const r = run('postfix', ['-c', configDir, 'check']);
    return { status: r.status, output: (r.stdout + r.stderr).trim() };
  };
  const first = check();
  if (first.status !== 0) throw new Error(`postfix -c ${configDir} check failed: ${first.output}`);
  const running = () => run('postfix', ['-c', configDir, 'status']).status === 0;
  const inst: PostfixInstance = {
    base,
    configDir,
    queueDir,
    dataDir,
    mailSpool,
    logFile,
    sendmail(to, subject, body, from = 'cron@rescue.example.test') {
      const msg = `From: ${from}\nTo: ${to}\nSubject: ${subject}\n\n${body}\n`;
      const r = run('sendmail', ['-C', configDir, '-f', from, to], msg);
      return { status: r.status, stderr: r.stderr };
    },
    start() {
      const r = run('postfix', ['-c', configDir, 'start']);
      if (r.status !== 0) throw new Error(`postfix start failed: ${r.stdout}${r.stderr}`);
    },
    stop() {
      if (running()) run('postfix', ['-c', configDir, 'stop']);
      for (let i = 0; i < 50 && running(); i++) spawnSync('sleep', ['0.1']);
    },
    running,
    check,
    postconf: (name) => run('postconf', ['-c', configDir, '-h', name]).stdout.trim(),
    dispose() {
      try {
        inst.stop();
      } catch {
        run('postfix', ['-c', configDir, 'abort']);
      }
    },
  };
  return inst;
}

// Waits (polling) until check() is true or the timeout passes; returns whether it became true.
export async function waitFor(check: () => boolean, timeoutMs = 20_000, stepMs = 100): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return check();
}
