import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateServer } from '../../fixtures/generate.js';
import { has } from '../helpers/capabilities.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Every refusal must exit 3 with one clear line and leave the tree exactly as it was.
describe('purge safety rails (exit 3, nothing changed)', () => {
  const tmp = makeTempDir('purge-rails');
  const root = tmp.dir;
  const q = (p: string) => path.join(root, 'var/spool/postfix', p);
  let before = '';
  const fingerprint = () => {
    const lines: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const p = path.join(d, e.name);
        const st = fs.lstatSync(p);
        lines.push(`${p} ${st.mode.toString(8)} ${st.uid}:${st.gid} ${st.ino}`);
        if (e.isDirectory()) walk(p);
      }
    };
    walk(root);
    return lines.join('\n');
  };
  beforeAll(() => {
    generateServer(root, { maildrop: 30, bounce: 5, deferred: 10, mboxMessages: 3, maillogLines: 10 });
    for (const d of ['etc', 'lib', 'usr', 'dev']) fs.mkdirSync(q(d));
    fs.writeFileSync(q('etc/resolv.conf'), 'nameserver 127.0.0.1\n');
    fs.symlinkSync(q('maildrop'), q('maildrop-link'));
    fs.writeFileSync(q('a-file'), 'x');
    fs.mkdirSync(path.join(root, 'srv/elsewhere'), { recursive: true });
    fs.writeFileSync(path.join(root, 'srv/elsewhere/f'), 'x');
    before = fingerprint();
  });
  afterAll(tmp.cleanup);

  const refusedCases: [string, string[], RegExp][] = [
    ['/', [], /root directory/],
    ['the --root directory', [], /root directory/],
    ['/var/spool/postfix', [], /queue directory itself/],
    ['/var/spool/postfix/pid', [], /pid\/ holds master\.pid/],
    ['/var/spool/postfix/public', [], /public\/ holds/],
    ['/var/spool/postfix/private', [], /private\/ holds/],
    ['/var/spool/postfix/etc', [], /chroot's etc/],
    ['/var/spool/postfix/lib', [], /chroot's lib/],
    ['/var/spool/postfix/usr', ['--any-directory'], /chroot's usr/],
    ['/var/spool/postfix/dev', [], /chroot's dev/],
    ['/var/spool/postfix/maildrop-link', ['--any-directory'], /is a symlink \(never followed\)/],
    ['/var/spool/postfix/a-file', [], /is not a directory/],
    ['/var/spool', ['--any-directory'], /contains Postfix's queue directory/],
    ['/etc', ['--any-directory'], /contains Postfix's configuration directory/],
    ['/var/spool/mail', [], /mail spool/],
    ['/srv/elsewhere', [], /needs --any-directory/],
  ];
  it.each(refusedCases)('refuses %s', (dir, extra, why) => {
    const arg = dir === 'the --root directory' ? root : dir;
    const r = runCli(['purge', '--root', root, arg, '--yes', ...extra]);
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr.split('\n')[0]).toMatch(/^spoolrescue purge: refused: /);
    expect(r.stderr).toMatch(why);
    expect(r.stderr).toContain('nothing was changed');
    expect(r.stderr).not.toMatch(/\bat .*\.(ts|js|mjs):\d+/);
    expect(r.stdout).toBe('');
    expect(fingerprint()).toBe(before);
  });

  it('refuses without a terminal and without --yes, and points to --dry-run', () => {
    const r = runCli(['purge', '--root', root, '/var/spool/postfix/maildrop']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/no terminal to confirm on and no --yes/);
    expect(r.stderr).toMatch(/--dry-run/);
    expect(fingerprint()).toBe(before);
  });

  it('puts a refusal on stdout as JSON with --json', () => {
    const r = runCli(['purge', '--root', root, '/var/spool/postfix/pid', '--yes', '--json']);
    expect(r.status).toBe(3);
    expect(r.json().error).toMatchObject({ exitCode: 3, message: expect.stringMatching(/pid\/ holds/) });
  });

  it('fails with exit 1 and one line for a directory that does not exist', () => {
    const r = runCli(['purge', '--root', root, '/var/spool/postfix/nonexistent', '--yes']);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('spoolrescue purge: /var/spool/postfix/nonexistent does not exist');
  });

  it('refuses an incident file inside DIR, and one it could not write (before touching anything)', () => {
    // --incident is a path on this machine (never mapped under --root): name the one inside DIR as such
    const inside = runCli(['purge', '--root', root, '/var/spool/postfix/bounce', '--yes', '--incident', path.join(root, 'var/spool/postfix/bounce/incident.md')]);
    expect(inside.status).toBe(3);
    expect(inside.stderr).toMatch(/contains the incident file/);
    const nowhere = runCli(['purge', '--root', root, '/var/spool/postfix/bounce', '--yes', '--incident', '/no/such/dir/incident.md']);
    expect(nowhere.status).toBe(1);
    expect(nowhere.stderr).toMatch(/cannot write the incident file .*its directory does not exist; nothing was changed/);
    expect(fingerprint()).toBe(before);
  });

  it('--dry-run shows the plan and changes nothing', () => {
    const r = runCli(['purge', '--root', root, '/var/spool/postfix/maildrop', '--dry-run', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = r.json();
    expect(j.dryRun).toBe(true);
    expect(j.plan).toMatchObject({
      path: '/var/spool/postfix/maildrop',
      kind: 'postfix-queue',
      queueName: 'maildrop',
      // Without getfattr/lsattr (CI's minimal-host leg) the attributes are unknown: in place keeps them.
      strategy: has('xattr') && has('chattr') ? 'swap' : 'in-place',
      exists: true,
      count: { entries: 30, skippedCount: 0 },
      snapshot: { mode: '0730', uid: process.getuid!(), gid: process.getgid!() },
      postfix: { running: false },
    });
    expect(j.plan.count.allocatedBytes).toBeGreaterThan(30 * 100);
    const human = runCli(['purge', '--root', root, '/var/spool/postfix/deferred', '--dry-run']);
    const deferredEntries = fs.readdirSync(q('deferred'), { recursive: true }).length;
    expect(deferredEntries).toBeGreaterThan(10);
    expect(human.stdout).toContain(`contents:   ${deferredEntries} entries`);
    expect(human.stdout).toMatch(/Dry run: nothing was changed\./);
    expect(fingerprint()).toBe(before);
  });
});
