import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generateServer, type ServerManifest } from '../../../fixtures/generate.js';
import { mountTmpfs, type TestMount } from '../../helpers/mounts.js';

// A mail server to rescue on a filesystem of its own: a tmpfs whose inodes the flooded maildrop
// has nearly exhausted (flagged on the Disks screen), with maildrop owned by non-default numeric
// ids and Debian's sticky 01730 mode, plus another tmpfs with room for the incident file.

// Owner and group of the queue directories (not the test's own ids, so a restore by name or by
// the caller's ids would show).
export const MAIL_OWNER = 4242;
export const SETGID_GROUP = 4343;
export const MAILDROP_MODE = 0o1730;
export const MAILDROP_FILES = 1500;

// The rescued server and the filesystem for the evidence; unmount() undoes both.
export interface RescueScene {
  server: ServerManifest;
  /** Mount point of the rescued system's filesystem. */
  srv: string;
  /** Mount point of the filesystem with room for the incident file. */
  evid: string;
  maildrop: string;
  unmount(): void;
}

// Builds a scene under dir (root only).
export function rescueScene(dir: string): RescueScene {
  const srvMount = mountTmpfs(path.join(dir, 'srv'), { size: '64m' });
  const mounts: TestMount[] = [srvMount];
  try {
    // Screens shorten mount points in the middle: a name ending unique to this scene keeps the row
    // recognisable when another run's mounts are listed too.
    const evidMount = mountTmpfs(path.join(dir, `evid-${crypto.randomBytes(3).toString('hex')}`), { size: '64m' });
    mounts.push(evidMount);
    const server = generateServer(path.join(srvMount.dir, 'root'), {
      maildrop: MAILDROP_FILES,
      bounce: 20,
      deferred: 20,
      mboxMessages: 40,
      maillogLines: 200,
      maildropMode: MAILDROP_MODE,
      owners: { mailOwnerUid: MAIL_OWNER, setgidGid: SETGID_GROUP, rootGid: 0, submitterUid: 0 },
    });
    // Leave a few inodes free: the filesystem is flagged (>= 90% of its inodes used), as a
    // flooded maildrop leaves it, and still works.
    const [total, free] = execFileSync('stat', ['-f', '-c', '%c %d', srvMount.dir], { encoding: 'utf8' }).trim().split(' ').map(Number);
    execFileSync('mount', ['-o', `remount,nr_inodes=${total - free + 40}`, srvMount.dir]);
    const maildrop = path.join(server.root, 'var/spool/postfix/maildrop');
    if (fs.readdirSync(maildrop).length !== MAILDROP_FILES) throw new Error('the fixture maildrop is not as expected');
    return { server, srv: srvMount.dir, evid: evidMount.dir, maildrop, unmount: () => mounts.reverse().forEach((m) => m.unmount()) };
  } catch (e) {
    mounts.reverse().forEach((m) => m.unmount());
    throw e;
  }
}
