import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, describe } from 'vitest';
import { maildropFile } from '../../fixtures/lib/queue-file.js';
import { cleanupFile } from '../../fixtures/lib/queue-flood.js';
import { encodeRecord as rec } from '../../src/core/queue/record-cursor.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// A rescued disk under --root (no Postfix configuration: Postfix's defaults, deferred hashed one
// level) holding what a broken queue holds: good files, a truncated one, garbage under a queue
// name, a non-UTF-8 and a terminal-hostile sender, a file still being written, strays, a symlink.
describe('queue on a rescued disk with damaged and hostile queue files', () => {
  const tmp = makeTempDir('queue-root');
  const root = tmp.dir;
  const q = path.join(root, 'var/spool/postfix');
  const now = Math.floor(Date.now() / 1000);
  const put = (rel: string, data: Buffer, mode = 0o700) => {
    fs.mkdirSync(path.dirname(path.join(q, rel)), { recursive: true });
    fs.writeFileSync(path.join(q, rel), data, { mode });
    fs.chmodSync(path.join(q, rel), mode);
  };
  const good = (sender: string | Buffer, to: string) =>
    Buffer.concat([rec('T', `${now - 3600} 0`), rec('S', sender), rec('R', to), rec('M', ''), rec('N', 'Subject: s'), rec('N', ''), rec('X', ''), rec('E', '')]);

  beforeAll(() => {
    const full = cleanupFile({ arrivalSec: now - 7200, sender: 'ok@a.example', recipients: ['u@b.example'], attrs: ['sasl_username=bob'], headers: ['Subject: fine'], body: ['x'.repeat(5000)] });
    put('deferred/A/AAAAAA0001', full);
    put('defer/A/AAAAAA0001', Buffer.from('recipient=u@b.example\nreason=connect to mx[192.0.2.1]:25: Connection timed out\n\n'), 0o600);
    put('deferred/B/BBBBBB0002', full.subarray(0, 120));
    put('deferred/C/CCCCCC0003', Buffer.from('\x7fELF garbage that is not a queue file'));
    put('deferred/D/DDDDDD0004', good(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x40, 0x78]), 'v@c.example'));
    put('deferred/E/EEEEEE0005', good('evil\x1b[2J@x.example', 'w@c.example'));
    put('deferred/F/FFFFFF0006', full, 0o600);
    put('deferred/A/12345.678', full);
    fs.symlinkSync('/etc/passwd', path.join(q, 'deferred/A/AAAAAA0009'));
    put('maildrop/ABCDEF0007', maildropFile({ arrivalMs: (now - 60) * 1000, sender: 'www-data', recipients: ['spam@d.example'], lines: ['Subject: form'] }), 0o744);
    fs.chownSync(path.join(q, 'maildrop/ABCDEF0007'), 1234, 0);
  });
  afterAll(() => tmp.cleanup());

  it('reads what it can, counts what it cannot, and says why', () => {
    const r = runCli(['--root', root, 'queue', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = r.json();
    expect(j.messages).toBe(6);
    expect(j.perQueue).toEqual({ deferred: 5, maildrop: 1 });
    expect(j.broken).toBe(2);
    expect(j.brokenSample.map((b: any) => b.id).sort()).toEqual(['BBBBBB0002', 'CCCCCC0003']);
    expect(j.brokenSample.find((b: any) => b.id === 'BBBBBB0002').errors.join()).toMatch(/truncated/);
    expect(j.brokenSample.find((b: any) => b.id === 'CCCCCC0003').errors.join()).toMatch(/not a Postfix queue file/);
    expect(j.incomplete).toBe(1);
    expect(j.notes.strays).toBe(2);
  });

  it('lists non-UTF-8 and hostile senders safely, with the maildrop owner as uid', () => {
    const r = runCli(['--root', root, 'queue', '--list']);
    expect(r.status, r.stderr).toBe(0);
    const list = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const cafe = list.find((m) => m.queue_id === 'DDDDDD0004');
    expect(cafe.sender).toBe('caf\uFFFD@x');
    expect(cafe.sender_not_utf8).toBe(true);
    expect(list.find((m) => m.queue_id === 'ABCDEF0007')).toMatchObject({ uid: 1234, origin: 'local', sender: 'www-data', queue_name: 'maildrop' });
    expect(list.find((m) => m.queue_id === 'AAAAAA0001').recipients[0].delay_reason).toMatch(/Connection timed out/);
    const human = runCli(['--root', root, 'queue', '--by', 'sender']);
    expect(human.stdout).not.toContain('\x1b');
    expect(human.stdout).toContain('evil\\033');
  });

  it('deletes a selection directly (Postfix not running there), with its defer log, and leaves the rest', () => {
    const dry = runCli(['--root', root, 'queue', '--match', 'sasl=bob', '--delete', '--dry-run']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/Selected: 1 messages/);
    expect(dry.stdout).toMatch(/direct removal/);
    expect(dry.stdout).toMatch(/prefer --hold/);
    const r = runCli(['--root', root, 'queue', '--match', 'sasl=bob', '--delete', '--yes']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(fs.existsSync(path.join(q, 'deferred/A/AAAAAA0001'))).toBe(false);
    expect(fs.existsSync(path.join(q, 'defer/A/AAAAAA0001'))).toBe(false);
    expect(fs.existsSync(path.join(q, 'deferred/B/BBBBBB0002'))).toBe(true);
    expect(fs.readlinkSync(path.join(q, 'deferred/A/AAAAAA0009'))).toBe('/etc/passwd');
    const after = runCli(['--root', root, 'queue', '--json']).json();
    expect(after.messages).toBe(5);
  });

  it('rejects bad arguments with usage errors', () => {
    expect(runCli(['--root', root, 'queue', 'nosuchqueue']).status).toBe(2);
    expect(runCli(['--root', root, 'queue', '--by', 'colour']).status).toBe(2);
    expect(runCli(['--root', root, 'queue', '--match', 'colour=red']).status).toBe(2);
    expect(runCli(['--root', root, 'queue', '--older-than', 'soon']).status).toBe(2);
    expect(runCli(['--root', root, 'queue', '--hold', '--delete', '--match', 'id=*']).status).toBe(2);
  });
});
