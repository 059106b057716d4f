import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWith } from '../helpers/capabilities.js';
import { waitFor } from '../helpers/postfix-instance.js';
import { filesBelow, queueIds, useDeferredQueue } from '../helpers/deferred-queue.js';
import { runCli } from '../helpers/run-cli.js';
import { postsuperDone } from '../../src/io/queue/postsuper-batch.js';

// qshape's table as domain -> [T, buckets...] (plain output, no terminal).
function qshape(configDir: string, queue: string): Map<string, number[]> {
  const r = spawnSync('qshape', ['-c', configDir, queue], { encoding: 'utf8' });
  const rows = new Map<string, number[]>();
  for (const line of r.stdout.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length > 2) rows.set(f[0], f.slice(1).map(Number));
  }
  return rows;
}

// Queue triage against a real, really deferred Postfix queue: the same numbers as qshape and
// postqueue -j, and selective deletes that leave the rest of the queue intact.
describeWith(['root', 'postfix'], 'queue triage on a private Postfix with a deferred queue', () => {
  const fx = useDeferredQueue({
    name: 'pf-queue',
    fill: async (pf) => {
      for (let i = 0; i < 3; i++) expect(pf.sendmail(`user${i}@alpha.example`, `report ${i}`, 'cron output').status).toBe(0);
      for (let i = 0; i < 3; i++) expect(pf.sendmail(`ops@beta.example`, `beta ${i}`, 'hello', `app${i}@rescue.example.test`).status).toBe(0);
      for (let i = 0; i < 4; i++) expect(pf.sendmail(`victim@gamma${i}.example`, 'Undelivered Mail Returned to Sender', 'bounce', '').status).toBe(0);
      for (let i = 0; i < 5; i++) {
        const to = i === 0 ? ['x0@delta.example', 'boss@alpha.example'] : [`x${i}@delta.example`];
        expect(await pf.smtpSubmit({ login: 'mallory', addr: '203.0.113.9', name: 'bad.example.net', helo: 'spambot', from: `offer${i}@shop.example`, to, subject: 'buy' })).toMatch(/^250 /);
      }
    },
    count: 15,
  });
  const cli = (...args: string[]) => runCli(['--postfix-config', fx.pf.configDir, 'queue', ...args]);

  it('counts per domain and age bucket like qshape -c DIR deferred', () => {
    const r = cli('deferred', '--json', '--top', '50');
    expect(r.status, r.stderr).toBe(0);
    const j = r.json();
    const ours = new Map<string, number[]>([[j.totals.key, [j.totals.total, ...j.totals.buckets]], ...j.rows.map((row: any) => [row.key, [row.total, ...row.buckets]] as [string, number[]])]);
    const theirs = qshape(fx.pf.configDir, 'deferred');
    expect(theirs.get('TOTAL')![0]).toBe(16);
    expect(ours).toEqual(theirs);
    expect(j.perQueue).toEqual({ deferred: 15 });
  });

  it('lists the same messages as postqueue -j, with the same fields and more', () => {
    const r = cli('--list');
    expect(r.status, r.stderr).toBe(0);
    const ours = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const theirs = fx.pf.postqueueJson();
    expect(queueIds(ours)).toEqual(queueIds(theirs));
    for (const t of theirs) {
      const o = ours.find((m) => m.queue_id === t.queue_id);
      for (const k of ['queue_name', 'arrival_time', 'message_size', 'sender']) expect(o[k], `${t.queue_id} ${k}`).toEqual(t[k]);
      // postqueue lists recipients with a defer log entry first: compare them as sets
      const pairs = (l: any[]) => l.map((x: any) => `${x.address} ${x.delay_reason}`).sort();
      expect(pairs(o.recipients)).toEqual(pairs(t.recipients));
    }
    const smtp = ours.filter((m) => m.sasl_username === 'mallory');
    expect(smtp).toHaveLength(5);
    expect(smtp.every((m) => m.client_address === '203.0.113.9' && m.client_name === 'bad.example.net' && m.helo === 'spambot' && m.origin === 'network')).toBe(true);
    expect(ours.filter((m) => m.sender_null)).toHaveLength(4);
    expect(ours.filter((m) => m.origin === 'local').every((m) => m.uid === 0)).toBe(true);
  });

  it('names the compromised login with its numbers, and groups by login', () => {
    const j = cli('--by', 'sasl', '--json').json();
    expect(j.rows.find((r: any) => r.key === 'mallory').messages).toBe(5);
    const v = j.verdicts.find((x: any) => x.code === 'compromised-login');
    expect(v.evidence).toContain('mallory sent 5 of 15 messages');
    expect(v.match).toBe('sasl=mallory');
  });

  it('deletes one domain through postsuper while Postfix runs; the rest is untouched', async () => {
    expect(fx.pf.running()).toBe(true);
    const before = fx.pf.postqueueJson();
    const dry = cli('--match', 'domain=beta.example', '--delete', '--dry-run', '--json');
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.json().method).toBe('postsuper');
    expect(dry.json().scan.selection.count).toBe(3);
    expect(fx.pf.postqueueJson()).toEqual(before);
    const r = cli('--match', 'domain=beta.example', '--delete', '--yes');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('delete: 3 of 3 messages (postsuper)');
    const after = fx.pf.postqueueJson();
    const gone = before.filter((m) => m.recipients.some((x: any) => x.address.endsWith('@beta.example')));
    expect(gone).toHaveLength(3);
    expect(after).toEqual(before.filter((m) => !gone.includes(m)));
    expect(await waitFor(() => (fs.readFileSync(fx.pf.logFile, 'utf8').match(/: removed$/gm) ?? []).length >= 3, 10_000)).toBe(true);
  });

  it('deletes the bounces directly with Postfix stopped, with their defer logs; Postfix starts and delivers', async () => {
    fx.pf.stop();
    const before = fx.pf.postqueueJson();
    const incident = path.join(fx.dir, 'incident.md');
    const r = cli('--match', 'sender=<>', '--delete', '--yes', '--incident', incident);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('delete: 4 of 4 messages (direct)');
    const gone = before.filter((m) => m.sender === 'MAILER-DAEMON');
    expect(fx.pf.postqueueJson()).toEqual(before.filter((m) => !gone.includes(m)));
    const deferLogs = filesBelow(path.join(fx.pf.queueDir, 'defer'));
    for (const m of gone) expect(deferLogs).not.toContain(m.queue_id);
    expect(deferLogs.sort()).toEqual(queueIds(fx.pf.postqueueJson()));
    const text = fs.readFileSync(incident, 'utf8');
    for (const m of gone) expect(text).toContain(`deferred ${m.queue_id}`);
    expect(text).toContain('Subject: Undelivered Mail Returned to Sender');
    expect(text.indexOf('delete selection')).toBeLessThan(text.indexOf('## spoolrescue queue: delete in'));
    expect(fx.pf.check().status).toBe(0);
    fx.pf.start();
    expect(fx.pf.sendmail('root@localhost', 'alive again', 'delivered').status).toBe(0);
    expect(await waitFor(() => fs.existsSync(path.join(fx.pf.mailSpool, 'root')) && fs.readFileSync(path.join(fx.pf.mailSpool, 'root'), 'utf8').includes('alive again'), 30_000)).toBe(true);
  });

  it('refuses an action without a selection, and a direct delete without a terminal or --yes', () => {
    const all = cli('--delete', '--yes');
    expect(all.status).toBe(3);
    expect(all.stderr).toMatch(/without a selection/);
    const noTty = cli('--match', 'domain=alpha.example', '--hold');
    expect(noTty.status).toBe(3);
    expect(noTty.stderr).toMatch(/no terminal to confirm on/);
  });

  it('holds and releases a selection with postsuper', () => {
    const r = cli('--match', 'sasl=mallory', '--hold', '--yes');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(fx.pf.postqueueJson().filter((m) => m.queue_name === 'hold')).toHaveLength(5);
    const back = cli('hold', '--match', 'sasl=mallory', '--release', '--yes');
    expect(back.status, back.stdout + back.stderr).toBe(0);
    expect(fx.pf.postqueueJson().filter((m) => m.queue_name === 'hold')).toHaveLength(0);
  });

  it('refuses hold/release through postsuper while Postfix is stopped and logs to maillog_file, where postsuper stops after one message', () => {
    const held = () => fx.pf.postqueueJson().filter((m) => m.queue_name === 'hold');
    expect(cli('--match', 'sasl=mallory', '--hold', '--yes').status).toBe(0);
    expect(held()).toHaveLength(5);
    fx.pf.stop();
    try {
      const refused = cli('hold', '--match', 'sasl=mallory', '--release', '--yes');
      expect(refused.status, refused.stdout + refused.stderr).toBe(3);
      expect(refused.stderr).toMatch(/postsuper would release the first message, fail to open that log/);
      expect(refused.stderr).toMatch(/Start Postfix/);
      expect(held()).toHaveLength(5);
      // why: postsuper itself in that state releases one message, then dies on the log (exit 1)
      const raw = spawnSync('postsuper', ['-c', fx.pf.configDir, '-H', '-', 'hold'], { input: held().map((m) => m.queue_id).join('\n') + '\n', encoding: 'utf8' });
      expect(raw.status).toBe(1);
      expect(raw.stderr).toMatch(/fatal: open logfile/);
      expect(postsuperDone(raw.stdout + raw.stderr)).toBe(1);
      expect(held()).toHaveLength(4);
    } finally {
      fx.pf.start();
    }
    const back = cli('hold', '--match', 'sasl=mallory', '--release', '--yes');
    expect(back.status, back.stdout + back.stderr).toBe(0);
    expect(back.stdout).toContain('release: 4 of 4 messages (postsuper)');
    expect(held()).toHaveLength(0);
  });
});

// Long queue IDs and two levels of hash directories: the walk, the IDs and the log paths agree with Postfix.
describeWith(['root', 'postfix'], 'queue triage with long queue IDs and hash_queue_depth = 2', () => {
  const fx = useDeferredQueue({
    name: 'pf-queue-long',
    mainCf: ['enable_long_queue_ids = yes', 'hash_queue_depth = 2'],
    fill: (pf) => {
      for (let i = 0; i < 4; i++) expect(fx.pf.sendmail(`u${i}@far${i % 2}.example`, `long ${i}`, 'x').status).toBe(0);
    },
    count: 4,
  });
  const cli = (...args: string[]) => runCli(['--postfix-config', fx.pf.configDir, 'queue', ...args]);

  it('reads depth-2 hashed long-ID files and deletes one with its defer log', () => {
    const theirs = fx.pf.postqueueJson();
    expect(theirs[0].queue_id).toMatch(/z/);
    const list = cli('--list').stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(queueIds(list)).toEqual(queueIds(theirs));
    expect(list.every((m) => /^deferred\/.\/.\/[^/]+$/.test(m.path))).toBe(true);
    const victim = list[0];
    const deferLog = path.join(fx.pf.queueDir, 'defer', victim.path.slice('deferred/'.length));
    expect(fs.existsSync(deferLog)).toBe(true);
    fx.pf.stop();
    const r = cli('--match', `id=${victim.queue_id}`, '--delete', '--yes');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(fs.existsSync(deferLog)).toBe(false);
    expect(queueIds(fx.pf.postqueueJson())).toEqual(queueIds(theirs).filter((id) => id !== victim.queue_id));
    expect(fx.pf.check().status).toBe(0);
  });
});
