import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateServer } from '../../fixtures/generate.js';
import { parseRecordLine } from '../../src/core/incident/records.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// The capture command on a synthetic server (--root): mbox, queue directories, maillog, bad input.
describe('spoolrescue capture', () => {
  const tmp = makeTempDir('capture');
  afterAll(tmp.cleanup);
  const root = path.join(tmp.dir, 'srv');
  const m = generateServer(root, { mboxMessages: 40, collectMessages: true, maildrop: 30, bounce: 5, deferred: 12, maillogLines: 200 });
  const incident = path.join(tmp.dir, 'incident.md');
  const cli = (...args: string[]) => runCli(['--root', root, 'capture', ...args]);

  it('captures the exact first and last messages of the mbox and appends a 0600 section', () => {
    const r = cli('/var/spool/mail/root', '--incident', incident, '--messages', '3', '--json');
    expect(r.status, r.stderr).toBe(0);
    const j = r.json();
    const texts = m.mbox.texts!;
    expect(j.kind).toBe('mbox');
    expect(j.path).toBe('/var/spool/mail/root');
    expect(j.mbox.first.map((x: any) => x.text)).toEqual(texts.slice(0, 3));
    expect(j.mbox.last.map((x: any) => x.text)).toEqual(texts.slice(-3));
    // From_ lines carry no zone: their time is read in this machine's zone and written in UTC
    const utc = (fromLine: string) => new Date(fromLine.split('  ')[1]).toISOString();
    expect(j.mbox.window).toEqual({ first: utc(m.mbox.firstFromLine!), last: utc(m.mbox.lastFromLine!) });
    expect(j.mbox.count).toBeNull();
    const sha = crypto.createHash('sha256').update([...texts.slice(0, 3), ...texts.slice(-3)].join('')).digest('hex');
    expect(j.sha256).toBe(sha);
    const st = fs.statSync(m.mbox.path);
    expect(j.stat).toMatchObject({ path: '/var/spool/mail/root', sizeBytes: st.size, ino: st.ino, dev: st.dev, uid: st.uid, mode: '0600' });
    expect(fs.statSync(incident).mode & 0o777).toBe(0o600);
    const md = fs.readFileSync(incident, 'utf8');
    expect(md).toContain(`| SHA-256 | \`${sha}\``);
    expect(md).toContain(texts[0].split('\n')[0]);
    expect(j.incident).toMatchObject({ file: incident, ok: true, writtenBytes: Buffer.byteLength(md) });
    const rec = md.split('\n').map(parseRecordLine).find(Boolean)!;
    expect(rec).toMatchObject({ step: 'capture', kind: 'mbox', path: '/var/spool/mail/root', ino: st.ino, dev: st.dev, size: st.size });
  });

  it('appends, never overwrites, and counts messages only when asked', () => {
    const before = fs.readFileSync(incident, 'utf8');
    const r = cli('/var/spool/mail/root', '--incident', incident, '--count');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('messages: 40');
    expect(r.stdout).toContain(`first separator: ${m.mbox.firstFromLine!.split('  ')[1]}`);
    const after = fs.readFileSync(incident, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.length).toBeGreaterThan(before.length);
    expect(after).toContain('| messages | 40 (counted in a full read) |');
  });

  it('captures a queue directory: count, oldest and newest files with envelopes from postcat', () => {
    const r = cli('/var/spool/postfix/maildrop', '--incident', incident, '--messages', '2', '--json');
    expect(r.status, r.stderr).toBe(0);
    const q = r.json().queue;
    expect(q.queueName).toBe('maildrop');
    expect(q.count).toBe(30);
    expect(q.oldest[0].name).toBe(m.queue.maildrop.oldest!.name);
    expect(q.newest[0].name).toBe(m.queue.maildrop.newest!.name);
    expect(q.oldest[0].envelope).toMatchObject({ sender: 'root', recipients: ['root'] });
    expect(q.oldest[0].envelope.headers[0]).toMatch(/^Subject: Cron/);
    expect(['postcat', 'native']).toContain(q.oldest[0].decodedBy);
  });

  it('walks hashed queues (deferred/X/ID) and shows non-queue files (bounce logs) as escaped bytes', () => {
    const d = cli('/var/spool/postfix/deferred', '--incident', incident, '--messages', '2', '--json').json().queue;
    expect(d.count).toBe(12);
    expect(d.subdirs).toBeGreaterThan(0);
    expect(d.oldest[0].name).toBe(`${m.queue.deferred.oldest!.name[0]}/${m.queue.deferred.oldest!.name}`);
    expect(d.oldest[0].envelope.sender).toBe('mailman-bounces@mail.example.test');
    const b = cli('/var/spool/postfix/bounce', '--incident', incident, '--json').json().queue;
    expect(b.count).toBe(5);
    expect(b.oldest[0].envelope).toBeNull();
    expect(b.oldest[0].head).toMatch(/^recipient=nobody/);
  });

  it('captures the first and last lines of a maillog with the span they cover', () => {
    const r = cli('/var/log/maillog', '--incident', incident, '--json');
    expect(r.status, r.stderr).toBe(0);
    const l = r.json().log;
    expect(l.first[0]).toBe(m.maillog.firstLine);
    expect(l.last.at(-1)).toBe(m.maillog.lastLine);
    expect(l.span.last.text).toBe(m.maillog.lastLine!.slice(0, 15));
    expect(l.span.last.yearAssumed).toBe(true);
  });

  it('handles a 0-byte spool, garbage and no "From " line by showing raw bytes and saying why', () => {
    const spool = path.join(root, 'var/spool/mail');
    fs.writeFileSync(path.join(spool, 'empty'), '');
    fs.writeFileSync(path.join(spool, 'garbage'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31) % 256)));
    const e = cli('/var/spool/mail/empty', '--incident', incident, '--json');
    expect(e.status, e.stderr).toBe(0);
    expect(e.json().raw).toMatchObject({ sizeBytes: 0, reason: 'the spool is empty (0 bytes)' });
    const g = cli('/var/spool/mail/garbage', '--incident', incident, '--kind', 'mbox', '--json');
    expect(g.status, g.stderr).toBe(0);
    expect(g.json().raw.reason).toMatch(/no "From " separator/);
    expect(g.json().raw.head).toContain('\\x00');
  });

  it('refuses a symlinked spool, saying where it points (exit 3), and fails clearly on a missing one', () => {
    fs.symlinkSync('root', path.join(root, 'var/spool/mail/alias'));
    const s = cli('/var/spool/mail/alias', '--incident', incident);
    expect(s.status).toBe(3);
    expect(s.stderr).toContain('/var/spool/mail/alias is a symlink to root');
    const miss = cli('/var/spool/mail/nobody', '--incident', incident);
    expect(miss.status).toBe(1);
    expect(miss.stderr.split('\n')[0]).toBe('spoolrescue capture: /var/spool/mail/nobody: no such file or directory');
    expect(miss.stderr).not.toMatch(/\bat .*\.(ts|js|mjs):\d+/);
  });

  it('needs --incident and suggests where to put it (exit 2)', () => {
    const r = cli('/var/spool/mail/root');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--incident FILE is required');
    expect(r.stderr).toMatch(/--incident \/dev\/shm\/incident\.md/);
  });
});
