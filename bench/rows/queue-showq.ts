import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// A private Postfix instance over the cached bench queue, started only so that the classic
// `postqueue -j` has its showq service to ask (with Postfix stopped it exits 69, "malformed showq
// server response"). Nothing in it may change the queue: qmgr and pickup are disabled (no
// delivery, no retry dates moved), no smtpd listens, and Postfix's own `quick-start` file skips
// the start-up `postsuper` pass, which would rename every generated file (their names do not
// encode their inode numbers as real short queue IDs do).

// The instance's configuration directory under base; the queue is queueDir (left where it is).
export function startShowqInstance(base: string, queueDir: string): string {
  const etc = path.join(base, 'etc');
  const data = path.join(base, 'data');
  fs.mkdirSync(etc, { recursive: true });
  fs.mkdirSync(data, { recursive: true });
  execFileSync('chown', ['postfix', data]);
  fs.copyFileSync('/etc/postfix/master.cf', path.join(etc, 'master.cf'));
  const mainCf = [
    'compatibility_level = 3.6',
    'myhostname = bench.example.test',
    'inet_interfaces = loopback-only',
    'inet_protocols = ipv4',
    'alias_maps =',
    'alias_database =',
    `queue_directory = ${queueDir}`,
    `data_directory = ${data}`,
    'master_service_disable = qmgr/unix pickup/unix',
    '',
  ];
  fs.writeFileSync(path.join(etc, 'main.cf'), mainCf.join('\n'));
  execFileSync('postconf', ['-c', etc, '-MX', 'smtp/inet']);
  execFileSync('postconf', ['-c', etc, '-F', '*/*/chroot = n']);
  // the daemons run as postfix: the queue directory itself is root's and must be traversable
  fs.chmodSync(queueDir, 0o755);
  execFileSync('postfix', ['-c', etc, 'post-install', 'create-missing']);
  fs.writeFileSync(path.join(queueDir, 'quick-start'), '');
  const r = spawnSync('postfix', ['-c', etc, 'start'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`postfix -c ${etc} start failed: ${r.stdout}${r.stderr}`);
  return etc;
}

// Stops the instance (the queue is left as it was).
export function stopShowqInstance(etc: string): void {
  if (spawnSync('postfix', ['-c', etc, 'status']).status === 0) spawnSync('postfix', ['-c', etc, 'stop']);
}
