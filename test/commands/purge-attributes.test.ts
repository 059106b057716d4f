import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeWith } from '../helpers/capabilities.js';
import { mountExt4Image, mountTmpfs } from '../helpers/mounts.js';
import { makeFlatTree } from '../helpers/purge-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { queueServers } from '../helpers/queue-servers.js';

const sh = (program: string, args: string[]) => execFileSync(program, args, { encoding: 'utf8' });

// Everything about a directory a swap must carry over, as the standard tools print it.
function attributes(dir: string) {
  const st = fs.lstatSync(dir);
  return {
    uid: st.uid,
    gid: st.gid,
    mode: (st.mode & 0o7777).toString(8),
    xattrs: sh('getfattr', ['-h', '-d', '-m', '-', '-e', 'hex', '--absolute-names', dir]),
    acl: sh('getfacl', ['-p', dir]),
    flags: sh('lsattr', ['-d', dir]).split(' ')[0],
  };
}

describeWith(['root', 'mount', 'xattr', 'acl', 'chattr'], 'a swap carries over ACLs, every xattr and inode flags, on ext4 and tmpfs', () => {
  const servers = queueServers('purge-attrs');
  afterAll(servers.cleanup);
  const server = (name: string, fsType: 'ext4' | 'tmpfs') =>
    servers.server(name, (queue) => (fsType === 'ext4' ? mountExt4Image(queue, { sizeMB: 32, image: path.join(servers.dir, `${name}.ext4`) }) : mountTmpfs(queue, { size: '16m' })));
  const purge = (root: string, dir: string) => runCli(['purge', '--root', root, `/var/spool/postfix/${dir}`, '--yes', '--json']);

  for (const fsType of ['ext4', 'tmpfs'] as const) {
    it(`${fsType}: maildrop 01730 with a named-user ACL whose mask is -wx keeps mode 01730 and the ACL exactly`, () => {
      const { root, q } = server(`maildrop-acl-${fsType}`, fsType);
      const dir = q('maildrop');
      fs.chmodSync(dir, 0o730);
      sh('setfacl', ['-m', 'u:nobody:-wx', dir]);
      fs.chmodSync(dir, 0o1730);
      makeFlatTree(dir, 40);
      const before = { ...attributes(dir), ino: fs.lstatSync(dir).ino };
      expect(before.acl).toMatch(/user:nobody:-wx/);
      expect(before.mode).toBe('1730');
      const r = purge(root, 'maildrop');
      expect(r.status, r.stdout + r.stderr).toBe(0);
      const j = r.json();
      expect(j.result.strategy).toBe('swap');
      expect(j.verification).toMatchObject({ snapshotHeld: true, empty: true, notCompared: [] });
      expect(fs.lstatSync(dir).ino).not.toBe(before.ino);
      const { ino: _ino, ...want } = before;
      expect(attributes(dir)).toEqual(want);
    });

    it(`${fsType}: deferred with user.* and trusted.* xattrs, a default ACL and flags +dA keeps all of them`, () => {
      const { root, q } = server(`deferred-xattrs-${fsType}`, fsType);
      const dir = q('deferred');
      sh('setfattr', ['-n', 'user.backup-policy', '-v', 'skip', dir]);
      sh('setfattr', ['-n', 'trusted.site.note', '-v', '0x00ff10', dir]);
      sh('setfacl', ['-m', 'd:g:mail:rx', dir]);
      sh('chattr', ['+dA', dir]);
      makeFlatTree(path.join(dir, 'A'), 10);
      const before = attributes(dir);
      expect(before.flags).toMatch(/d.*A|A.*d/);
      const r = purge(root, 'deferred');
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.json().result.strategy).toBe('swap');
      expect(attributes(dir)).toEqual(before);
      expect(r.json().plan.snapshot.xattrs.map((x: { name: string }) => x.name)).toEqual(['system.posix_acl_default', 'trusted.site.note', 'user.backup-policy']);
    });

    it(`${fsType}: bounce without an ACL under a parent with a default ACL gets none (nothing inherited)`, () => {
      const { root, q } = server(`bounce-inherit-${fsType}`, fsType);
      const dir = q('bounce');
      sh('setfacl', ['-m', 'd:u:nobody:rwx', path.dirname(dir)]);
      makeFlatTree(dir, 5);
      const before = attributes(dir);
      expect(before.acl).not.toMatch(/nobody/);
      const r = purge(root, 'bounce');
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.json().result.strategy).toBe('swap');
      expect(attributes(dir)).toEqual(before);
    });
  }

  it('refuses an immutable DIR before acting (exit 3), naming the flag', () => {
    const { root, q } = server('immutable', 'ext4');
    makeFlatTree(q('hold'), 3);
    sh('chattr', ['+i', q('hold')]);
    try {
      const r = runCli(['purge', '--root', root, '/var/spool/postfix/hold', '--yes']);
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(/hold is immutable \(chattr \+i\): nothing inside it can be removed; nothing was changed/);
      expect(fs.readdirSync(q('hold'))).toHaveLength(3);
    } finally {
      sh('chattr', ['-i', q('hold')]);
    }
  });
});
