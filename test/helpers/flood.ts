import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PostfixInstance } from './postfix-instance.js';

export interface FloodResult {
  /** Messages submitted with the real sendmail -C before the disk ran out or the cap was hit. */
  submitted: number;
  /** Copies of a real maildrop file added to finish filling the filesystem. */
  copies: number;
  /** What the last failing sendmail said (the proof that Postfix no longer accepts mail). */
  refusal: { status: number | null; stderr: string };
}

let counter = 0x100000;
const nextName = () => (0xa0000000000 + counter++).toString(16).toUpperCase();

// Submits one message with the real sendmail -C in its own process group. On a full queue
// filesystem postdrop does not fail: it warns "No space left on device" and retries forever, so
// after timeoutMs the whole group (sendmail and postdrop) is killed and the message counts as refused.
export async function submitWithTimeout(inst: PostfixInstance, subject: string, body: string, timeoutMs = 8000): Promise<{ accepted: boolean; stderr: string }> {
  const child = spawn('sendmail', ['-C', inst.configDir, '-f', 'cron@rescue.example.test', 'root'], { detached: true, stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.end(`From: cron@rescue.example.test\nTo: root\nSubject: ${subject}\n\n${body}\n`);
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, timeoutMs);
  const code: number | null = await new Promise((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  return { accepted: code === 0, stderr };
}

// Floods a stopped instance's maildrop the way a runaway cron job does: real messages through
// sendmail -C (postdrop) until the cap, then copies of a real maildrop file (same owner, group,
// mode) until the filesystem has no inode or block left, then one more submission that must fail.
export async function floodMaildrop(inst: PostfixInstance, opts: { maxSubmissions: number }): Promise<FloodResult> {
  const maildrop = path.join(inst.queueDir, 'maildrop');
  let submitted = 0;
  let refusal: FloodResult['refusal'] | undefined;
  for (let i = 0; i < opts.maxSubmissions; i++) {
    const r = await submitWithTimeout(inst, `Cron <root@rescue> /usr/local/bin/backup.sh run ${i}`, `backup run ${i}: rsync failed`);
    if (!r.accepted) {
      refusal = { status: null, stderr: r.stderr };
      break;
    }
    submitted++;
  }
  let copies = 0;
  if (!refusal) {
    const sample = fs.readdirSync(maildrop).map((n) => path.join(maildrop, n)).find((p) => fs.lstatSync(p).isFile());
    if (!sample) throw new Error('flood: no maildrop file to copy');
    const st = fs.statSync(sample);
    const data = fs.readFileSync(sample);
    for (;;) {
      const target = path.join(maildrop, nextName());
      try {
        const fd = fs.openSync(target, 'wx', st.mode & 0o7777);
        try {
          fs.writeSync(fd, data);
          fs.fchownSync(fd, st.uid, st.gid);
        } finally {
          fs.closeSync(fd);
        }
        copies++;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ENOSPC' && code !== 'EDQUOT') throw e;
        fs.rmSync(target, { force: true });
        break;
      }
    }
    const r = await submitWithTimeout(inst, 'one more after the flood', 'this must not fit');
    refusal = { status: r.accepted ? 0 : null, stderr: r.stderr };
  }
  return { submitted, copies, refusal: refusal! };
}

// sha256 of every regular file under dir (relative path -> digest) plus modes of everything,
// skipping one subtree: proves that a rescue changed nothing outside what it was meant to.
export function treeChecksums(dir: string, skip: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d)) {
      const p = path.join(d, name);
      if (p === skip) continue;
      const st = fs.lstatSync(p);
      const rel = path.relative(dir, p);
      if (st.isDirectory()) {
        out.set(rel + '/', `${st.uid}:${st.gid}:${(st.mode & 0o7777).toString(8)}`);
        walk(p);
      } else if (st.isFile()) {
        const h = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
        out.set(rel, `${st.uid}:${st.gid}:${(st.mode & 0o7777).toString(8)}:${st.size}:${h}`);
      } else {
        out.set(rel, `${st.mode.toString(8)}`);
      }
    }
  };
  walk(dir);
  return out;
}
