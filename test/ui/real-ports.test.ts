import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateServer } from '../../fixtures/generate.js';
import { parseMountinfo } from '../../src/core/mountinfo.js';
import { createSystemPaths } from '../../src/core/system-paths.js';
import { filesystemRow, loadDisks, realMounts } from '../../src/ui/ports-real/disks.js';
import { destinations, recordSection } from '../../src/ui/ports-real/evidence.js';
import { lookInsidePort } from '../../src/ui/ports-real/look-inside.js';
import { listMailPaths } from '../../src/ui/ports-real/mail-paths.js';
import { prevention } from '../../src/ui/ports-real/prevention.js';
import { describeWith } from '../helpers/capabilities.js';
import { fillFilesystem, mountTmpfs, type TestMount } from '../helpers/mounts.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// The ports the walk uses in this build, on real directories, real files and real mounts.

const line = (id: number, dev: string, mp: string, fstype: string, opts = 'rw') => `${id} 1 ${dev} / ${mp} ${opts} - ${fstype} src ${opts}`;

describe('disks on this build', () => {
  it('keeps real filesystems and tmpfs, one row per device and per mount point', () => {
    const mounts = parseMountinfo(
      [
        line(1, '8:1', '/', 'ext4'),
        line(2, '0:5', '/proc', 'proc'),
        line(3, '0:20', '/dev/shm', 'tmpfs'),
        line(4, '0:21', '/dev/shm', 'tmpfs'),
        line(5, '8:1', '/srv/bind', 'ext4'),
        line(6, '0:30', '/mnt/nfs', 'nfs4'),
        line(7, '0:40', '/sys/fs/cgroup', 'cgroup2'),
      ].join('\n'),
    );
    expect(realMounts(mounts).map((m) => `${m.mountPoint} ${m.devId}`)).toEqual(['/ 8:1', '/dev/shm 0:21']);
  });

  it('flags >= 90% bytes, >= 90% inodes and read-only, in words', () => {
    const [m] = parseMountinfo(line(1, '8:1', '/var', 'ext4', 'ro'));
    const row = filesystemRow(m, { mount: '/var', device: 'x', fstype: 'ext4', readOnly: true, sizeBytes: 1000, freeBytes: 100, availBytes: 50, inodes: 100, inodesFree: 5 });
    expect(row).toMatchObject({ usedBytes: 900, reservedBytes: 50, usePercent: 95, inodesUsed: 95, inodeUsePercent: 95, flags: ['bytes 95% used', 'inodes 95% used', 'read-only'] });
  });
});

describeWith(['root', 'mount'], 'disks and evidence destinations on real mounts', () => {
  const tmp = makeTempDir('tui-mounts', '/var/tmp');
  const mounts: TestMount[] = [];
  afterAll(() => {
    for (const m of mounts.reverse()) m.unmount();
    tmp.cleanup();
  });
  const full = mountTmpfs(path.join(tmp.dir, 'full'), { size: '4m', nrInodes: 16 });
  const roomy = mountTmpfs(path.join(tmp.dir, 'roomy'), { size: '64m' });
  const ro = mountTmpfs(path.join(tmp.dir, 'ro'), { size: '1m', readOnly: true });
  mounts.push(full, roomy, ro);
  fillFilesystem(full.dir);
  for (let i = 0; ; i++) {
    try {
      fs.writeFileSync(path.join(full.dir, `i${i}`), '');
    } catch {
      break;
    }
  }

  it('shows a full, inode-exhausted tmpfs and a read-only one with their flags', async () => {
    const report = await loadDisks();
    const f = report.filesystems.find((x) => x.mount === full.dir)!;
    expect(f.flags).toEqual(expect.arrayContaining([expect.stringMatching(/^bytes 100% used$/), expect.stringMatching(/^inodes 100% used$/)]));
    expect(report.filesystems.find((x) => x.mount === ro.dir)!.flags).toContain('read-only');
    expect(report.deletedOpen).toBeNull();
  });

  it('refuses full and read-only destinations, offers one with room, and marks the source filesystem troubled', async () => {
    const list = await destinations([], path.join(roomy.dir, 'spool'));
    const byMount = (m: string) => list.find((d) => d.mount === m)!;
    expect(byMount(full.dir)).toMatchObject({ ok: false, reason: '100% full' });
    expect(byMount(ro.dir)).toMatchObject({ ok: false, reason: 'read-only' });
    expect(byMount(roomy.dir)).toMatchObject({ ok: true, troubled: true, reason: 'holds what is being rescued', dir: roomy.dir });
    const again = await destinations([roomy.dir]);
    expect(again.find((d) => d.mount === roomy.dir)).toMatchObject({ ok: true, troubled: true, reason: 'flagged on the Disks screen' });
  });

  it('records a section with host, time and the SHA-256 of its body, 0600; a full disk is an error, not a crash', async () => {
    const file = path.join(roomy.dir, 'incident.md');
    const r = await recordSection(file, 'Disks seen by the walk', '| a | b |\n');
    expect(r.ok).toBe(true);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toMatch(/^## Disks seen by the walk\n\n- host: .+\n- time: \d{4}-\d\d-\d\dT.+Z\n- written by: spoolrescue .+ \(guided walk\)\n- sha256 of the body below: ([0-9a-f]{64})\n\n\| a \| b \|\n$/);
    expect(r.section?.sha256).toBe(createHash('sha256').update('| a | b |\n').digest('hex'));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const bad = await recordSection(path.join(full.dir, 'incident.md'), 'x', 'y');
    expect(bad.ok).toBe(false);
    expect(bad.message).toMatch(/ENOSPC|no space/i);
  });
});

describe('mail paths, look inside and prevention on a generated server (--root)', () => {
  const tmp = makeTempDir('tui-ports');
  afterAll(tmp.cleanup);
  const root = path.join(tmp.dir, 'srv');
  const server = generateServer(root, { maildrop: 2500, bounce: 10, deferred: 10, mboxMessages: 20, maillogLines: 50 });
  const paths = createSystemPaths(root, '/');

  it("lists the queue directories, root's mailbox and the mail log from main.cf", async () => {
    const list = await listMailPaths(paths);
    const by = (label: string) => list.find((m) => m.label === label)!;
    expect(by('Postfix maildrop')).toMatchObject({ path: path.join(root, 'var/spool/postfix/maildrop'), kind: 'queue-dir', exists: true });
    expect(by("root's mailbox")).toMatchObject({ path: path.join(root, 'var/spool/mail/root'), kind: 'spool-file', exists: true, sizeBytes: server.mbox.bytes });
    expect(by('mail log')).toMatchObject({ path: path.join(root, 'var/log/maillog'), exists: true });
    expect(list.every((m) => paths.toSystem(m.path).startsWith('/var/'))).toBe(true);
  });

  it('pages through a directory without repeating or losing an entry, then counts and finds oldest/newest', async () => {
    const port = lookInsidePort(paths);
    const dir = path.join(root, 'var/spool/postfix/maildrop');
    const pager = port.open(dir);
    const seen: string[] = [];
    const signal = new AbortController().signal;
    for (;;) {
      const page = await pager.next(97, signal);
      seen.push(...page.entries.map((e) => e.name));
      expect(page.entries.every((e) => e.type === 'file' && e.size! > 0 && e.mtime! > 0)).toBe(true);
      if (page.done) break;
      expect(page.entries).toHaveLength(97);
    }
    pager.close();
    expect(seen).toHaveLength(2500);
    expect(new Set(seen)).toEqual(new Set(fs.readdirSync(dir)));
    expect(await port.count(dir, { signal })).toBe(2500);
    const on = await port.oldestNewest(dir, 3, { signal });
    expect(on.oldest[0].name).toBe(server.queue.maildrop.oldest!.name);
    expect(on.newest[0].name).toBe(server.queue.maildrop.newest!.name);
  });

  it('stats without following symlinks and names owners from the rescued system', async () => {
    fs.mkdirSync(path.join(root, 'etc'), { recursive: true });
    fs.writeFileSync(path.join(root, 'etc/passwd'), `postfix:x:${process.getuid!()}:0::/:/bin/false\n`);
    fs.writeFileSync(path.join(root, 'etc/group'), `postdrop:x:${process.getgid!()}:\n`);
    fs.symlinkSync('/etc', path.join(root, 'link'));
    const port = lookInsidePort(createSystemPaths(root, '/'));
    const dir = await port.stat(path.join(root, 'var/spool/postfix/maildrop'));
    expect(dir).toMatchObject({ kind: 'dir', owner: 'postfix', group: 'postdrop' });
    expect((await port.stat(path.join(root, 'link'))).kind).toBe('symlink');
    expect((await port.stat(path.join(root, 'nope'))).kind).toBe('missing');
    expect(() => port.open(path.join(root, 'var/spool/mail/root'))).toThrow(/ENOTDIR/);
  });

  it('checks prevention in the rescued system, not the host', async () => {
    fs.writeFileSync(path.join(root, 'etc/aliases'), 'root: ops@example.org\ndecode: root\n');
    fs.writeFileSync(path.join(root, 'etc/crontab'), 'MAILTO=root\n');
    const items = await prevention(paths);
    expect(items.map((i) => `${i.title}=${i.status}`)).toEqual(["Forward root's mail=ok", 'Keep the decode trap=ok', 'Stop cron mailing root=todo']);
  });
});
