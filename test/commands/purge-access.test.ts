import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { makeQueueDirs } from '../../fixtures/lib/queue-tree.js';
import { bindMount } from '../helpers/bind-mount.js';
import { describeWith } from '../helpers/capabilities.js';
import { mountTmpfs, remount, type TestMount } from '../helpers/mounts.js';
import { makeFlatTree } from '../helpers/purge-tree.js';
import { BUNDLE, runCli } from '../helpers/run-cli.js';
import { queueServers } from '../helpers/queue-servers.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const owners = { mailOwnerUid: 0, setgidGid: 0, rootGid: 0, submitterUid: 0 };
const NOBODY = 65534;

describeWith(['root'], 'purge as an ordinary user: what is wrong is said before acting, exit 3', () => {
  const tmp = makeTempDir('purge-user', '/var/tmp');
  const copy = path.join(tmp.dir, 'spoolrescue.cjs');
  fs.copyFileSync(BUNDLE, copy);
  const root = path.join(tmp.dir, 'server');
  const queue = path.join(root, 'var/spool/postfix');
  makeQueueDirs(queue, owners, 0o1730);
  makeFlatTree(path.join(queue, 'maildrop'), 20);
  makeFlatTree(path.join(queue, 'deferred/A'), 5);
  const srv = path.join(root, 'srv');
  fs.mkdirSync(path.join(srv, 'root-cache'), { recursive: true });
  makeFlatTree(path.join(srv, 'root-cache'), 4);
  const readOnlyOwn = path.join(srv, 'own-readonly');
  makeFlatTree(readOnlyOwn, 3);
  spawnSync('chmod', ['-R', 'a+rX', tmp.dir]);
  fs.chownSync(readOnlyOwn, NOBODY, NOBODY);
  fs.chmodSync(readOnlyOwn, 0o555);
  afterAll(tmp.cleanup);

  // The real CLI run as nobody:nogroup with no supplementary groups.
  const asNobody = (args: string[]) =>
    spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, copy, ...args], { encoding: 'utf8', cwd: os.tmpdir(), env: { PATH: process.env.PATH, NO_COLOR: '1' } });

  it.each([
    ['maildrop', '/var/spool/postfix/maildrop', []],
    ['a hashed deferred subdirectory', '/var/spool/postfix/deferred/A', []],
    ['a root-owned directory with --any-directory', '/srv/root-cache', ['--any-directory']],
  ])('%s: --dry-run says it needs root (no "0 entries" plan), and a real run changes nothing', (_what, dir, extra) => {
    const dry = asNobody(['purge', '--root', root, dir, '--dry-run', ...extra]);
    expect(dry.status, dry.stdout + dry.stderr).toBe(3);
    expect(dry.stderr).toMatch(/refused: .* needs root: it belongs to uid 0 and this is uid 65534/);
    expect(dry.stdout).not.toMatch(/0 entries/);
    const before = fs.readdirSync(path.join(root, dir)).length;
    const run = asNobody(['purge', '--root', root, dir, '--yes', '--json', ...extra]);
    expect(run.status).toBe(3);
    expect(run.stderr).not.toMatch(/unexpected error|EACCES.*opendir/);
    expect(fs.readdirSync(path.join(root, dir))).toHaveLength(before);
  });

  it("the caller's own directory without write permission: permission denied, exit 3", () => {
    const r = asNobody(['purge', '--root', root, '/srv/own-readonly', '--any-directory', '--dry-run']);
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/own-readonly cannot be emptied by uid 65534: permission denied \(EACCES\)/);
    expect(fs.readdirSync(readOnlyOwn)).toHaveLength(3);
  });
});

describeWith(['root', 'mount'], 'purge on a read-only filesystem: refused before acting, exit 3', () => {
  const servers = queueServers('purge-ro');
  afterAll(servers.cleanup);

  it.each(['maildrop', 'bounce'])('a tmpfs remounted read-only under the queue (%s): the dry run and the run both say so', (name) => {
    let m: TestMount | undefined;
    const { root, queue } = servers.server(`ro-${name}`, (dir) => (m = mountTmpfs(dir, { size: '8m' })));
    makeFlatTree(path.join(queue, name), 10);
    remount(m!.dir, true);
    for (const mode of ['--dry-run', '--yes']) {
      const r = runCli(['purge', '--root', root, `/var/spool/postfix/${name}`, mode]);
      expect(r.status, r.stdout + r.stderr).toBe(3);
      expect(r.stderr).toMatch(new RegExp(`refused: /var/spool/postfix/${name} is on a read-only filesystem \\(${m!.dir}\\): nothing can be deleted there; nothing was changed`));
      expect(r.stdout).not.toMatch(/entries/);
    }
    expect(fs.readdirSync(path.join(queue, name))).toHaveLength(10);
  });

  it('a read-only bind mount of a writable filesystem as DIR is refused too', () => {
    const { root, q } = servers.server('ro-bind');
    const data = path.join(servers.dir, 'writable-elsewhere');
    makeFlatTree(data, 6);
    const b = servers.track(bindMount(data, q('hold')));
    execFileSync('mount', ['-o', 'remount,bind,ro', b.dir]);
    const r = runCli(['purge', '--root', root, '/var/spool/postfix/hold', '--yes']);
    expect(r.status, r.stdout + r.stderr).toBe(3);
    expect(r.stderr).toMatch(/hold is on a read-only filesystem/);
    expect(fs.readdirSync(data)).toHaveLength(6);
  });
});
