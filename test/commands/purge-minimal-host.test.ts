import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { asideName } from '../../src/core/purge/aside.js';
import { describeWith, itWith } from '../helpers/capabilities.js';
import { pathWithout } from '../helpers/minimal-path.js';
import { mountTmpfs } from '../helpers/mounts.js';
import { makeFlatTree } from '../helpers/purge-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { queueServers } from '../helpers/queue-servers.js';

// A server without Debian's attr and acl packages, e2fsprogs' lsattr/chattr, python3 or postlock
// (the programs are on disk; they are not on PATH, which is where the tool looks).
const minimal = () => ({ PATH: pathWithout() });

describeWith(['root', 'mount'], 'purge on a host without getfattr, setfattr, lsattr, chattr, python3, postlock', () => {
  const servers = queueServers('purge-minimal');
  afterAll(servers.cleanup);
  const server = (name: string) => servers.server(name, (queue) => mountTmpfs(queue, { size: '16m' }));

  it.each(['maildrop', 'bounce', 'deferred'])('empties %s in place, keeps its inode, says what was not compared and exits 0 (not INCOMPLETE)', (queue) => {
    const { root, q } = server(`plain-${queue}`);
    makeFlatTree(q(queue), 30);
    const before = fs.lstatSync(q(queue));
    const r = runCli(['purge', '--root', root, `/var/spool/postfix/${queue}`, '--yes', '--json'], { env: minimal() });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const j = r.json();
    expect(j.plan.strategy).toBe('in-place');
    expect(j.plan.reasons.join('\n')).toMatch(/extended attributes \(ACLs, SELinux label, user\.\*, trusted\.\*\) cannot be read \(getfattr is not installed \(package attr\)\); in place keeps them/);
    expect(j.plan.reasons.join('\n')).toMatch(/inode flags \(chattr\) cannot be read \(lsattr is not installed/);
    expect(j.plan.warnings.join('\n')).not.toMatch(/SELinux label could not be read/);
    expect(j.plan.snapshot).toMatchObject({ xattrsState: 'unknown', flagsState: 'unknown' });
    expect(j.verification).toMatchObject({ snapshotHeld: true, empty: true });
    expect(j.verification.notCompared).toHaveLength(2);
    expect(j.failures).toEqual([]);
    const after = fs.lstatSync(q(queue));
    expect([after.ino, after.mode, after.uid, after.gid]).toEqual([before.ino, before.mode, before.uid, before.gid]);
  });

  it('the human summary says "Purged" and lists what was not compared, not INCOMPLETE', () => {
    const { root, q } = server('human');
    makeFlatTree(q('maildrop'), 3);
    const r = runCli(['purge', '--root', root, '/var/spool/postfix/maildrop', '--yes'], { env: minimal() });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/INCOMPLETE/);
    expect(r.stdout).toMatch(/^Purged: \/var\/spool\/postfix\/maildrop \(in-place\)/m);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/not compared \(the inode was kept, so they were not touched\): extended attributes/);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/attributes: xattrs unknown \(getfattr is not installed \(package attr\)\); inode flags unknown/);
  });

  it('says in Japanese which tools are missing, with none of the English words (JSON keeps them)', () => {
    const { root, q } = server('human-ja');
    makeFlatTree(q('maildrop'), 3);
    const r = runCli(['--lang', 'ja', 'purge', '--root', root, '/var/spool/postfix/maildrop', '--yes'], { env: minimal() });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const said = r.stdout.replace(/\s+/g, ' ');
    expect(said).toContain('getfattr はインストールされていません（パッケージ attr）');
    expect(said).toContain('lsattr はインストールされていません（パッケージ e2fsprogs）');
    expect(said).not.toMatch(/is not installed|package attr/);
  });

  it('finishes an interrupted swap (DIR missing) by putting the set-aside copy back, since a new directory could lose attributes', () => {
    const { root, q } = server('restore');
    makeFlatTree(q('bounce'), 12);
    const aside = q(asideName('bounce', '20260101T000000Z-4242'));
    fs.renameSync(q('bounce'), aside);
    const ino = fs.lstatSync(aside).ino;
    const r = runCli(['purge', '--root', root, '/var/spool/postfix/bounce', '--yes', '--json'], { env: minimal() });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const j = r.json();
    expect(j.result.fallback).toMatch(/extended attributes cannot be read .*the set-aside copy was put back as DIR and emptied in place/);
    expect(fs.lstatSync(q('bounce')).ino).toBe(ino);
    expect(fs.readdirSync(q('bounce'))).toEqual([]);
    expect(fs.existsSync(aside)).toBe(false);
  });

  itWith(['acl'], 'keeps an ACL it cannot read (in place never touches it)', () => {
    const { root, q } = server('acl-kept');
    execFileSync('setfacl', ['-m', 'u:nobody:-wx', q('maildrop')]);
    const acl = execFileSync('getfacl', ['-p', q('maildrop')], { encoding: 'utf8' });
    makeFlatTree(q('maildrop'), 7);
    const r = runCli(['purge', '--root', root, '/var/spool/postfix/maildrop', '--yes', '--json'], { env: minimal() });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.json().result.strategy).toBe('in-place');
    expect(execFileSync('getfacl', ['-p', q('maildrop')], { encoding: 'utf8' })).toBe(acl);
  });
});
