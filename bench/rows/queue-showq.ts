import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { writePrivatePostfixConfig } from '../../fixtures/lib/postfix-config.js';

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
  writePrivatePostfixConfig({ configDir: etc, queueDir, dataDir: data, myhostname: 'bench.example.test', disableServices: ['qmgr/unix', 'pickup/unix'] });
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
