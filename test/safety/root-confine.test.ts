import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RefusedError } from '../../src/core/cli-error.js';
import { speak } from '../../src/core/i18n/speak.js';
import { confineUnderRoot, hostSystemPaths } from '../../src/io/paths/root-confine.js';
import { describeWith } from '../helpers/capabilities.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// --root is a rescued system mounted elsewhere: every symlink in it is read as that system would
// read it (chroot), never as the host would. The "host" targets below are temp directories that
// exist on the host only, standing in for /var/mail or /var/spool/postfix of this machine.

const mbox = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => `From ${tag}${i}@example.test  Mon Jan  5 10:0${i % 10}:00 2026\nSubject: ${tag} ${i}\n\nbody ${i}\n\n`).join('');

describe('confineUnderRoot (chroot-like resolution)', () => {
  const tmp = makeTempDir('confine');
  afterAll(tmp.cleanup);
  const root = path.join(tmp.dir, 'root');
  const host = path.join(tmp.dir, 'host');
  fs.mkdirSync(path.join(root, 'var/spool/real-mail'), { recursive: true });
  fs.mkdirSync(path.join(root, 'a/b/c'), { recursive: true });
  fs.mkdirSync(path.join(host, 'mail'), { recursive: true });
  fs.mkdirSync(path.join(root, host, 'mail'), { recursive: true });
  // absolute link to a directory that exists on the host: must mean ROOT/<that path>
  fs.symlinkSync(path.join(host, 'mail'), path.join(root, 'var/spool/mail'));
  // relative link climbing far above the root
  fs.symlinkSync('../../../../../../../../etc', path.join(root, 'a/b/c/up'));
  // links in deeper parents, chained
  fs.symlinkSync('b', path.join(root, 'a/bee'));
  fs.symlinkSync('/a/bee/c', path.join(root, 'deep'));
  fs.symlinkSync('loop2', path.join(root, 'loop1'));
  fs.symlinkSync('loop1', path.join(root, 'loop2'));

  it('maps an absolute link target under the root, never onto the host', () => {
    expect(confineUnderRoot(root, '/var/spool/mail/root', false)).toBe(path.join(root, host, 'mail/root'));
  });
  it('never lets .. climb above the root', () => {
    expect(confineUnderRoot(root, '/a/b/c/up/passwd', false)).toBe(path.join(root, 'etc/passwd'));
  });
  it('resolves links in deeper parents and chains of links', () => {
    expect(confineUnderRoot(root, '/deep/x', false)).toBe(path.join(root, 'a/b/c/x'));
    expect(confineUnderRoot(root, '/a/bee/c/up', true)).toBe(path.join(root, 'etc'));
  });
  it('leaves the last component alone unless asked, so a link can still be refused', () => {
    expect(confineUnderRoot(root, '/var/spool/mail', false)).toBe(path.join(root, 'var/spool/mail'));
    expect(confineUnderRoot(root, '/var/spool/mail', true)).toBe(path.join(root, host, 'mail'));
  });
  it('refuses a loop (exit 3)', () => {
    expect(() => confineUnderRoot(root, '/loop1/x', false)).toThrow(/too many levels of symbolic links/);
  });
  it('refuses a loop in Japanese under a Japanese run (exit 3)', () => {
    speak('ja');
    try {
      let err: unknown;
      try {
        confineUnderRoot(root, '/loop1/x', false);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(RefusedError);
      expect((err as RefusedError).exitCode).toBe(3);
      expect((err as RefusedError).message).toMatch(new RegExp(`: --root ${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} の中でシンボリックリンクの階層が深すぎます。何もしていません$`));
    } finally {
      speak('en');
    }
  });
  it('maps typed paths (system paths and paths already under the root) the same way', () => {
    const paths = hostSystemPaths(root, '/');
    expect(paths.arg('/var/spool/mail/root')).toBe(path.join(root, host, 'mail/root'));
    expect(paths.arg(path.join(root, 'var/spool/mail/root'))).toBe(path.join(root, host, 'mail/root'));
    expect(paths.sys('/var/spool/mail')).toBe(path.join(root, host, 'mail'));
  });
});

describeWith(['root'], 'every step stays inside --root', () => {
  const tmp = makeTempDir('confine-cli');
  afterAll(tmp.cleanup);
  // The "host" side: what a naive resolution would reach (a temp dir standing for /var/mail etc.).
  const hostMail = path.join(tmp.dir, 'host-var-mail');
  const hostQueue = path.join(tmp.dir, 'host-spool-postfix');
  fs.mkdirSync(hostMail);
  fs.mkdirSync(path.join(hostQueue, 'maildrop'), { recursive: true });
  fs.writeFileSync(path.join(hostMail, 'root'), mbox(4, 'host'));
  for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(hostQueue, 'maildrop', `HOST${i}`), 'host queue file');
  const root = path.join(tmp.dir, 'rescued');
  fs.mkdirSync(path.join(root, 'var/spool'), { recursive: true });
  fs.mkdirSync(path.join(root, 'etc/postfix'), { recursive: true });
  fs.writeFileSync(path.join(root, 'etc/postfix/main.cf'), 'queue_directory = /var/spool/postfix\nmail_spool_directory = /var/spool/mail\n');
  // the rescued system's own links: absolute targets that exist on the host as well
  fs.symlinkSync(hostMail, path.join(root, 'var/spool/mail'));
  fs.symlinkSync(hostQueue, path.join(root, 'var/spool/postfix'));
  // inside the root, those targets hold the rescued system's own data
  fs.mkdirSync(path.join(root, hostMail), { recursive: true });
  fs.mkdirSync(path.join(root, hostQueue, 'maildrop'), { recursive: true });
  fs.writeFileSync(path.join(root, hostMail, 'root'), mbox(6, 'rescued'));
  for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(root, hostQueue, 'maildrop', `RESC${i}`), 'rescued queue file');
  const incident = path.join(tmp.dir, 'incident.md');
  const hostMailBytes = fs.readFileSync(path.join(hostMail, 'root'));

  it('ls lists the rescued maildrop, not the host one', () => {
    const r = runCli(['ls', '--root', root, '/var/spool/postfix/maildrop', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const names = r.json().entries.map((e: { name: string }) => e.name).sort();
    expect(names).toEqual(['RESC0', 'RESC1', 'RESC2']);
  });

  it('capture reads the rescued mailbox, and truncate empties it, the host file untouched', () => {
    const c = runCli(['capture', '--root', root, '/var/spool/mail/root', '--incident', incident, '--json']);
    expect(c.status, c.stderr).toBe(0);
    expect(c.json().hostPath).toBe(path.join(root, hostMail, 'root'));
    expect(JSON.stringify(c.json().mbox.first)).toContain('rescued0');
    const t = runCli(['truncate', '--root', root, '/var/spool/mail/root', '--incident', incident, '--yes']);
    expect(t.status, t.stderr).toBe(0);
    expect(fs.statSync(path.join(root, hostMail, 'root')).size).toBe(0);
    expect(fs.readFileSync(path.join(hostMail, 'root'))).toEqual(hostMailBytes);
  });

  it('purge empties the rescued maildrop only', () => {
    const r = runCli(['purge', '--root', root, '/var/spool/postfix/maildrop', '--yes', '--json']);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(fs.readdirSync(path.join(root, hostQueue, 'maildrop'))).toEqual([]);
    expect(fs.readdirSync(path.join(hostQueue, 'maildrop')).sort()).toEqual(['HOST0', 'HOST1', 'HOST2', 'HOST3', 'HOST4']);
  });

  it('hotspots under a linked parent scans the rescued tree', () => {
    const deeper = path.join(root, hostMail, 'sub');
    fs.mkdirSync(deeper, { recursive: true });
    fs.writeFileSync(path.join(deeper, 'f'), 'x'.repeat(5000));
    const d = runCli(['hotspots', '--root', root, '/var/spool/mail/sub', '--json']);
    expect(d.status, d.stderr).toBe(0);
    expect(d.json().hostPath).toBe(deeper);
    expect(d.json().path.startsWith(root)).toBe(false);
  });

  it('a relative link that climbs with ../../.. stays inside the root', () => {
    const other = path.join(root, 'srv/spool');
    fs.mkdirSync(other, { recursive: true });
    // ROOT/srv/spool/mail -> ../../../../../../<hostMail>: on the host this climbs to / and reaches hostMail
    const climb = '../'.repeat(12) + hostMail.slice(1);
    fs.symlinkSync(climb, path.join(other, 'mail'));
    const c = runCli(['capture', '--root', root, '/srv/spool/mail/root', '--incident', incident, '--json']);
    expect(c.status, c.stderr).toBe(0);
    expect(c.json().hostPath).toBe(path.join(root, hostMail, 'root'));
    expect(fs.readFileSync(path.join(hostMail, 'root'))).toEqual(hostMailBytes);
  });

  it('a link whose target is missing inside the root fails there, never falls back to the host', () => {
    const r2 = path.join(tmp.dir, 'rescued2');
    fs.mkdirSync(path.join(r2, 'var/spool'), { recursive: true });
    fs.symlinkSync(hostMail, path.join(r2, 'var/spool/mail'));
    const c = runCli(['capture', '--root', r2, '/var/spool/mail/root', '--incident', incident]);
    expect(c.status).toBe(1);
    expect(c.stderr).toContain('no such file or directory');
    const t = runCli(['truncate', '--root', r2, '/var/spool/mail/root', '--no-evidence', '--yes']);
    expect(t.status).not.toBe(0);
    expect(fs.readFileSync(path.join(hostMail, 'root'))).toEqual(hostMailBytes);
  });
});
