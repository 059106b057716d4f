import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE, runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// A hint that prints a command is pasted as it is, in a hurry: under --root it must act on the
// rescued tree again, never on the host's /var/spool/mail. Each hint here is run as printed.
const tmp = makeTempDir('hint-flags');
const shm = makeTempDir('hint-flags', fs.existsSync('/dev/shm') ? '/dev/shm' : undefined);
afterAll(() => {
  tmp.cleanup();
  shm.cleanup();
});
const root = path.join(tmp.dir, 'root');
const config = path.join(root, 'etc', 'postfix');
const spoolDir = path.join(root, 'var', 'spool', 'mail');
fs.mkdirSync(spoolDir, { recursive: true });
fs.mkdirSync(config, { recursive: true });
fs.writeFileSync(path.join(config, 'main.cf'), `mail_spool_directory = /var/spool/mail\n`);
fs.writeFileSync(path.join(spoolDir, 'root'), 'From cron@demo Sun Nov 22 09:06:25 2026\nSubject: one\n\nbody\n\nFrom cron@demo Sun Nov 22 09:07:25 2026\nSubject: two\n\nbody\n\n');
fs.writeFileSync(path.join(spoolDir, 'only-in-the-rescued-tree'), '');
fs.symlinkSync('/var/spool/mail', path.join(root, 'var', 'mail'));
const incident = path.join(shm.dir, 'incident.md');
fs.writeFileSync(incident, '', { mode: 0o600 }); // an incident file is yours alone (0600), or it is refused

// The first line of the hint that holds a spoolrescue command, run through sh as pasted.
function pasteHint(stderr: string): { command: string; run: () => ReturnType<typeof spawnSync> } {
  const line = stderr.split('\n').find((l) => l.includes('spoolrescue ') && /--root /.test(l));
  if (!line) throw new Error(`no hint with a command in:\n${stderr}`);
  const command = line.slice(line.indexOf('spoolrescue ')).replace(/\s+\(or (add --follow|use --no-evidence knowingly)\)$/, '');
  const run = () => spawnSync('sh', ['-c', command.replace(/^spoolrescue /, `'${process.execPath}' '${BUNDLE}' `)], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { command, run };
}

describe('hints repeat the global flags in effect', () => {
  it('truncate without a capture: the capture it prints works on the rescued spool, then truncate goes on', () => {
    const args = ['truncate', '/var/spool/mail/root', '--incident', incident, '--yes', '--root', root, '--postfix-config', config];
    const refused = runCli(args);
    expect(refused.status).toBe(3);
    const hint = pasteHint(refused.stderr);
    expect(hint.command).toBe(`spoolrescue capture /var/spool/mail/root --incident ${incident} --root ${root} --postfix-config ${config}`);
    const captured = hint.run();
    expect(captured.stderr).toBe('');
    expect(captured.status).toBe(0);
    expect(fs.readFileSync(incident, 'utf8')).toContain('Subject: two');
    const truncated = runCli(args);
    expect(truncated.status).toBe(0);
    expect(fs.statSync(path.join(spoolDir, 'root')).size).toBe(0);
  });

  it('ls on a symlink: the ls it prints lists the link target inside the rescued tree', () => {
    const refused = runCli(['ls', '/var/mail', '--root', root]);
    expect(refused.status).toBe(3);
    const hint = pasteHint(refused.stderr);
    expect(hint.command).toBe(`spoolrescue ls /var/spool/mail --root ${root}`);
    const listed = hint.run();
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain('only-in-the-rescued-tree');
  });

  it('hotspots on a symlink: the command it prints scans the target inside the rescued tree, with --postfix-config', () => {
    const refused = runCli(['hotspots', path.join(root, 'var', 'mail'), '--root', root, '--postfix-config', config]);
    expect(refused.status).toBe(3);
    const hint = pasteHint(refused.stderr);
    expect(hint.command).toBe(`spoolrescue hotspots /var/spool/mail --root ${root} --postfix-config ${config}`);
    const scanned = spawnSync('sh', ['-c', `${hint.command.replace(/^spoolrescue /, `'${process.execPath}' '${BUNDLE}' `)} --json`], { encoding: 'utf8' });
    expect(scanned.status).toBe(0);
    expect(JSON.parse(scanned.stdout).hostPath).toBe(fs.realpathSync(spoolDir));
    expect(JSON.parse(scanned.stdout).path).toBe('/var/spool/mail');
  });
});
