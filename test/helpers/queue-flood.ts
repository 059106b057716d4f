import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { createPostfixInstance, waitFor, type PostfixInstance } from './postfix-instance.js';

// A private Postfix whose mail to other domains is deferred for real (its relayhost is a loopback
// port nobody listens on), with an smtpd on a free loopback port that trusts XCLIENT so tests can
// submit mail "from" a remote client with a SASL login, as a compromised account would.
export interface DeferringPostfix extends PostfixInstance {
  smtpPort: number;
  /** One SMTP transaction as client ADDR with LOGIN (XCLIENT); resolves with the final reply. */
  smtpSubmit(o: { login?: string; addr: string; name: string; helo: string; from: string; to: string[]; subject: string }): Promise<string>;
  /** postqueue -c DIR -j, parsed. */
  postqueueJson(): any[];
}

// A loopback TCP port that is free now (listened on, then closed).
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

function smtp(port: number, lines: string[], data: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1');
    let buf = '';
    let i = -1;
    const timer = setTimeout(() => (s.destroy(), reject(new Error(`smtp timeout: ${buf}`))), 20_000);
    s.on('error', reject);
    s.on('data', (d) => {
      buf += d.toString('latin1');
      if (!buf.endsWith('\r\n') || !/^\d{3} /.test(buf.trimEnd().split('\r\n').pop()!)) return;
      const last = buf.trimEnd().split('\r\n').pop()!;
      buf = '';
      i++;
      if (i < lines.length) s.write(lines[i] + '\r\n');
      else if (i === lines.length) s.write(data + '\r\n.\r\n');
      else {
        clearTimeout(timer);
        s.end('QUIT\r\n');
        resolve(last);
      }
    });
  });
}

// Creates the instance (root only) and starts it.
export async function createDeferringPostfix(base: string, extraMainCf: string[] = []): Promise<DeferringPostfix> {
  const pf = createPostfixInstance(base);
  const dead = await freePort();
  const smtpPort = await freePort();
  const set = (...kv: string[]) => spawnSync('postconf', ['-c', pf.configDir, '-e', ...kv]);
  set(`relayhost = [127.0.0.1]:${dead}`, 'default_transport = smtp', 'relay_transport = smtp', 'smtpd_authorized_xclient_hosts = 127.0.0.1', 'mynetworks = 0.0.0.0/0', 'smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination', 'smtp_connect_timeout = 2s', ...extraMainCf);
  spawnSync('postconf', ['-c', pf.configDir, '-M', `127.0.0.1:${smtpPort}/inet=127.0.0.1:${smtpPort} inet n - n - - smtpd`]);
  const check = pf.check();
  if (check.status !== 0) throw new Error(`postfix check: ${check.output}`);
  pf.start();
  return Object.assign(pf, {
    smtpPort,
    smtpSubmit(o: Parameters<DeferringPostfix['smtpSubmit']>[0]) {
      const x = [`XCLIENT NAME=${o.name} ADDR=${o.addr} HELO=${o.helo}${o.login ? ` LOGIN=${o.login}` : ''}`];
      const lines = ['EHLO test', ...x, `EHLO ${o.helo}`, `MAIL FROM:<${o.from}>`, ...o.to.map((t) => `RCPT TO:<${t}>`), 'DATA'];
      return smtp(smtpPort, lines, `From: ${o.from}\r\nSubject: ${o.subject}\r\n\r\nbody`);
    },
    postqueueJson() {
      const r = spawnSync('postqueue', ['-c', pf.configDir, '-j'], { encoding: 'utf8' });
      return r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    },
  });
}

// Waits until every message sits in the deferred queue (tried once, connection refused).
export async function waitAllDeferred(pf: DeferringPostfix, count: number): Promise<void> {
  const ok = await waitFor(() => {
    const q = pf.postqueueJson();
    return q.length === count && q.every((m) => m.queue_name === 'deferred');
  }, 60_000, 250);
  if (!ok) throw new Error(`queue did not settle: ${JSON.stringify(pf.postqueueJson().map((m) => [m.queue_name, m.queue_id]))}`);
}
