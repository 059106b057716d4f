import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { bindMount } from '../helpers/bind-mount.js';
import { describeWith } from '../helpers/capabilities.js';
import { makeFlatTree } from '../helpers/purge-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { queueServers } from '../helpers/queue-servers.js';

describeWith(['root', 'mount'], 'purge with a bind mount of the same filesystem inside DIR (the CLI, end to end)', () => {
  const servers = queueServers('purge-bind');
  afterAll(servers.cleanup);
  const server = (name: string) => {
    const { root, q } = servers.server(name);
    const outside = path.join(root, 'home/operator');
    fs.mkdirSync(path.join(outside, 'mail'), { recursive: true });
    fs.writeFileSync(path.join(outside, 'notes'), 'keep me');
    fs.writeFileSync(path.join(outside, 'mail/saved'), 'keep me too');
    return { root, outside, q };
  };

  // Queue, depth and name vary: a bind mount one level down in maildrop, two levels down in a
  // hashed deferred queue, three levels down with a space in its name in bounce.
  it.each([
    ['maildrop', 'mnt'],
    ['deferred', 'A/home-bind'],
    ['bounce', 'B/C/with space'],
  ])('%s with a bind mount at %s: the dry run and the plan say it is left alone, and it is', (queue, at) => {
    const { root, outside, q } = server(`${queue}-bind`);
    makeFlatTree(q(queue), 25);
    const mountPoint = q(path.join(queue, at));
    fs.mkdirSync(mountPoint, { recursive: true });
    servers.track(bindMount(outside, mountPoint));
    expect(fs.statSync(mountPoint).dev).toBe(fs.statSync(q(queue)).dev);

    const dry = runCli(['purge', '--root', root, `/var/spool/postfix/${queue}`, '--dry-run', '--json']);
    expect(dry.status, dry.stderr).toBe(0);
    const plan = dry.json().plan;
    expect(plan.mountsInside).toEqual([mountPoint]);
    expect(plan.strategy).toBe('in-place');
    expect(plan.reasons).toContain(`a filesystem or bind mount is mounted inside DIR (${mountPoint}): swapping would carry it along; it is left alone, never entered`);
    expect(plan.count.skipped).toEqual([{ name: at, reason: 'a mount point (another filesystem or a bind mount); not entered, left as it is' }]);
    expect(plan.count.entries).toBe(25 + at.split('/').length - 1);

    const r = runCli(['purge', '--root', root, `/var/spool/postfix/${queue}`, '--yes', '--json']);
    expect(r.status).toBe(1);
    const j = r.json();
    expect(j.result.entriesRemoved).toBe(25);
    expect(j.result.skipped).toBe(1);
    expect(fs.readFileSync(path.join(outside, 'notes'), 'utf8')).toBe('keep me');
    expect(fs.readFileSync(path.join(outside, 'mail/saved'), 'utf8')).toBe('keep me too');
    expect(fs.readdirSync(mountPoint).sort()).toEqual(['mail', 'notes']);
  });
});
