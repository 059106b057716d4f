import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateServer } from '../../../fixtures/generate.js';

import { makeTempDir } from '../../helpers/temp-dir.js';
import { realPortsFor } from './context.js';

// Hotspots and Look inside on their cores, on a generated mail server under --root: what the
// screens receive is what the hotspot and listing cores find on disk.

describe('hotspots and look inside on a generated server (--root)', () => {
  const tmp = makeTempDir('tui-real-scan');
  afterAll(tmp.cleanup);
  const root = path.join(tmp.dir, 'srv');
  const server = generateServer(root, { maildrop: 2500, bounce: 10, deferred: 30, mboxMessages: 20, maillogLines: 50 });
  const ports = realPortsFor(root);
  const maildrop = path.join(root, 'var/spool/postfix/maildrop');
  const hotspots = () => ports.hotspots;

  it('ranks maildrop first by entries, tagged, with progress on the way, and drills down through the index', async () => {
    const seen: number[] = [];
    const s = await hotspots().scan(root, { signal: new AbortController().signal, top: 10, onProgress: (p) => seen.push(p.entries) });
    const first = s.report.byEntries[0];
    expect(first).toMatchObject({ path: maildrop, entries: 2500, mail: { kind: 'queue', queue: 'maildrop', label: 'maildrop queue' } });
    expect(s.report.largestFiles[0]).toMatchObject({ path: path.join(root, 'var/spool/mail/root'), mail: { label: "root's mailbox" } });
    expect(seen.at(-1)).toBe(s.report.totalEntries);
    const kids = await s.children(path.join(root, 'var/spool/postfix'), 'entries');
    expect(kids[0]).toMatchObject({ path: maildrop, subtreeEntries: 2501 });
    const deferred = kids.find((k) => k.path.endsWith('/deferred'))!;
    expect(deferred.mail?.label).toBe('deferred queue');
    const hashed = await s.children(deferred.path, 'bytes');
    expect(hashed.length).toBeGreaterThan(0);
    expect(hashed.reduce((n, d) => n + d.subtreeEntries, 0)).toBe(deferred.subtreeEntries - 1);
    await expect(s.children('/nowhere', 'bytes')).rejects.toThrow('/nowhere was not part of the last scan');
  });

  it('stops a scan at once on abort', async () => {
    const stop = new AbortController();
    stop.abort(new Error('stopped by the operator'));
    await expect(hotspots().scan(root, { signal: stop.signal, top: 10 })).rejects.toThrow('stopped by the operator');
  });

  it('pages through a directory without repeating or losing an entry, then counts and finds oldest/newest', async () => {
    const pager = ports.inside.open(maildrop);
    const names: string[] = [];
    const signal = new AbortController().signal;
    for (;;) {
      const page = await pager.next(97, signal);
      names.push(...page.entries.map((e) => e.name));
      expect(page.entries.every((e) => e.type === 'file' && e.size! > 0 && e.mtimeMs! > 0)).toBe(true);
      if (page.done) break;
      expect(page.entries).toHaveLength(97);
    }
    pager.close();
    expect(names).toHaveLength(2500);
    expect(new Set(names)).toEqual(new Set(fs.readdirSync(maildrop)));
    expect(await ports.inside.scan(maildrop, 0, { signal })).toMatchObject({ count: 2500, oldest: [], newest: [], incomplete: null });
    const on = await ports.inside.scan(maildrop, 3, { signal });
    expect(on.oldest[0].name).toBe(server.queue.maildrop.oldest!.name);
    expect(on.newest[0].name).toBe(server.queue.maildrop.newest!.name);
  });

  it('says in one line why a path cannot be looked at: missing, a file, vanished after it was picked', async () => {
    const missing = await ports.inside.stat(path.join(root, 'nope'));
    expect(missing).toMatchObject({ kind: 'missing', error: 'Look inside: /nope: no such file or directory' });
    expect(() => ports.inside.open(path.join(root, 'var/spool/mail/root'))).toThrow('Look inside: /var/spool/mail/root: a component of the path is not a directory');
    const gone = path.join(root, 'gone');
    fs.mkdirSync(gone);
    expect((await ports.inside.stat(gone)).kind).toBe('dir');
    fs.rmdirSync(gone);
    expect(() => ports.inside.open(gone)).toThrow('Look inside: /gone: no such file or directory');
    await expect(ports.inside.scan(gone, 3, { signal: new AbortController().signal })).rejects.toThrow('Look inside: /gone: no such file or directory');
  });

  it('stats without following symlinks and names owners from the rescued system', async () => {
    fs.mkdirSync(path.join(root, 'etc'), { recursive: true });
    fs.writeFileSync(path.join(root, 'etc/passwd'), `postfix:x:${process.getuid!()}:0::/:/bin/false\n`);
    fs.writeFileSync(path.join(root, 'etc/group'), `postdrop:x:${process.getgid!()}:\n`);
    fs.symlinkSync('/etc', path.join(root, 'link'));
    const fresh = realPortsFor(root);
    expect(await fresh.inside.stat(maildrop)).toMatchObject({ kind: 'dir', owner: 'postfix', group: 'postdrop' });
    expect((await fresh.inside.stat(path.join(root, 'link'))).kind).toBe('symlink');
  });

  it("lists the queue directories, root's mailbox and the mail log from main.cf", async () => {
    const list = await ports.mailPaths.list();
    const by = (label: string) => list.find((m) => m.label === label)!;
    expect(by('maildrop queue')).toMatchObject({ path: maildrop, kind: 'queue-dir', exists: true });
    expect(by("root's mailbox")).toMatchObject({ path: path.join(root, 'var/spool/mail/root'), kind: 'spool-file', exists: true, sizeBytes: server.mbox.bytes });
    expect(by('mail log')).toMatchObject({ path: path.join(root, 'var/log/maillog'), exists: true });
    expect(list.map((m) => m.label)).toEqual(['maildrop queue', 'incoming queue', 'active queue', 'deferred queue', 'defer queue', 'bounce queue', 'hold queue', 'corrupt queue', "root's mailbox", 'mail spool', 'mail log']);
  });

  it('checks prevention in the rescued system, not the host', async () => {
    fs.mkdirSync(path.join(root, 'etc'), { recursive: true });
    fs.writeFileSync(path.join(root, 'etc/aliases'), 'root: ops@example.org\ndecode: root\n');
    fs.writeFileSync(path.join(root, 'etc/crontab'), 'MAILTO=root\n17 * * * * root run-parts /etc/cron.hourly\n');
    const ids = (await ports.summary.prevention()).findings.map((f) => f.id);
    expect(ids).not.toContain('root-mail-stays-local');
    expect(ids).not.toContain('decode-trap-missing');
    expect(ids).toContain('aliases-db-stale');
    expect(ids).toContain('cron-mailto-root');
  });
});
