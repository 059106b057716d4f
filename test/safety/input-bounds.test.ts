import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { implausibleMailDirectory } from '../../src/core/config-path-guard.js';
import { describeWith } from '../helpers/capabilities.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Inputs with no sane upper bound, and paths read from configuration that would make the whole
// system "the mail spool".

describe('bounds on input', () => {
  it('refuses more hotspots workers than twice the cores (16 at most) as a usage error', () => {
    const limit = Math.min(16, 2 * os.availableParallelism());
    const r = runCli(['hotspots', '/proc/self', '--workers', String(limit + 1)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--workers must be at most ${limit}`);
    expect(runCli(['hotspots', '/proc/self', '--workers', '100']).status).toBe(2);
  });

  it('knows which configured directories cannot be a mail spool or a queue directory', () => {
    for (const p of ['/', '/home', '/usr', '/usr/lib', '/var/log', '/var/log/mail', '/etc/postfix', '/var', '/var/spool', '/tmp/']) expect(implausibleMailDirectory(p), p).not.toBeNull();
    for (const p of ['/var/mail', '/var/spool/mail', '/var/spool/postfix', '/srv/mail', '/var/spool/postfix-out']) expect(implausibleMailDirectory(p), p).toBeNull();
  });
});

describeWith(['root'], 'paths from configuration and --incident under --root', () => {
  const tmp = makeTempDir('bounds');
  afterAll(tmp.cleanup);
  const system = (name: string, mainCf: string) => {
    const root = path.join(tmp.dir, name);
    fs.mkdirSync(path.join(root, 'etc/postfix'), { recursive: true });
    fs.writeFileSync(path.join(root, 'etc/postfix/main.cf'), mainCf);
    return root;
  };
  const victims = (root: string, dirs: string[]) =>
    dirs.map((d) => {
      const full = path.join(root, d);
      fs.mkdirSync(full, { recursive: true });
      fs.writeFileSync(path.join(full, 'precious'), 'data');
      return full;
    });

  it('a mail_spool_directory or queue_directory that is a system directory grants nothing without --any-directory', () => {
    const cases: [string, string, string[]][] = [
      ['spool-root', 'mail_spool_directory = /\n', ['/home/alice', '/usr/lib/x86_64', '/var/log/apache2']],
      ['spool-usr', 'mail_spool_directory = /usr\n', ['/usr/lib/modules']],
      ['spool-varlog', 'mail_spool_directory = /var/log\n', ['/var/log/journal']],
      ['queue-root', 'queue_directory = /\nmail_spool_directory = /var/mail\n', ['/maildrop', '/home/bob']],
      ['queue-home', 'queue_directory = /home\n', ['/home/maildrop']],
    ];
    for (const [name, cf, dirs] of cases) {
      const root = system(name, cf);
      for (const [i, full] of victims(root, dirs).entries()) {
        const r = runCli(['purge', '--root', root, dirs[i], '--yes']);
        expect(r.status, `${name} ${dirs[i]}: ${r.stderr}`).toBe(3);
        expect(r.stderr).toMatch(/--any-directory/);
        expect(fs.readdirSync(full)).toEqual(['precious']);
      }
    }
  });

  it('a sane configuration still allows its own spool and queues', () => {
    const root = system('sane', 'mail_spool_directory = /var/mail\n');
    const [sub] = victims(root, ['/var/mail/archive']);
    const r = runCli(['purge', '--root', root, '/var/mail/archive', '--yes']);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readdirSync(sub)).toEqual([]);
  });

  it('purge --incident FILE is a path on this machine, also under --root', () => {
    const root = system('incident', 'mail_spool_directory = /var/mail\n');
    victims(root, ['/var/mail/old']);
    const hostDir = path.join(tmp.dir, 'host-evidence');
    fs.mkdirSync(hostDir);
    const inc = path.join(hostDir, 'incident.md');
    const r = runCli(['purge', '--root', root, '/var/mail/old', '--yes', '--incident', inc, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(inc, 'utf8')).toContain('## spoolrescue purge');
    expect(fs.existsSync(path.join(root, inc))).toBe(false);
    expect(r.json().incident.file).toBe(inc);
  });
});
