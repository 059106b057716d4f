import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSectionHeader } from '../../src/core/incident/section.js';
import { sealSection } from '../../src/core/incident/seal.js';
import { buildTree, LAYOUTS } from '../helpers/prevent-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// `spoolrescue prevent --apply` on fixture trees through the real CLI: exactly the named line
// changes, a backup is kept outside the directories cron reads, owner and mode are kept, nothing
// else in the tree changes, a second run changes nothing, and refusals change nothing at all.

const tmp = makeTempDir('prevent-apply');
afterAll(tmp.cleanup);
let n = 0;
const tree = (layout: 'rhel' | 'debian', over: Record<string, string | null> = {}) => {
  const root = path.join(tmp.dir, `t${n++}`);
  buildTree(root, layout, over);
  return root;
};

// Every file of the tree with its hash, owner and mode (backups left out).
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (p.startsWith(path.join(root, 'var/backups'))) continue;
      if (e.isDirectory()) walk(p);
      else {
        const st = fs.lstatSync(p);
        out.set(path.relative(root, p), `${crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex')} ${st.uid}:${st.gid} ${(st.mode & 0o7777).toString(8)}`);
      }
    }
  };
  walk(root);
  return out;
}

function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

const backups = (root: string) => {
  const d = path.join(root, 'var/backups/spoolrescue');
  return fs.existsSync(d) ? fs.readdirSync(d) : [];
};

describe('prevent --apply on a RHEL tree', () => {
  it('cron-mailto-root in a per-user crontab: one line, backup outside the spool, owner and mode kept, idempotent', () => {
    const root = tree('rhel');
    const cronFile = path.join(root, 'var/spool/cron/root');
    fs.chownSync(cronFile, 65534, 65534);
    fs.chmodSync(cronFile, 0o600);
    const original = fs.readFileSync(cronFile, 'utf8');
    const before = snapshot(root);
    const r = runCli(['prevent', '--root', root, '--apply', 'cron-mailto-root@/var/spool/cron/root', '--yes', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('-MAILTO="root"');
    expect(r.stderr).toContain('+MAILTO=""');
    const j = r.json();
    expect(j.applied.verified).toEqual([{ id: 'cron-mailto-root@/var/spool/cron/root', fixed: true }]);
    expect(j.applied.commands).toEqual([expect.objectContaining({ command: 'systemctl reload-or-restart crond', ran: false, note: expect.stringMatching(/under --root/) })]);
    expect(changedFiles(before, snapshot(root))).toEqual(['var/spool/cron/root']);
    const now = fs.readFileSync(cronFile, 'utf8').split('\n');
    const old = original.split('\n');
    expect(now[0]).toBe('MAILTO=""');
    expect(now.slice(1)).toEqual(old.slice(1));
    const st = fs.statSync(cronFile);
    expect([st.uid, st.gid, st.mode & 0o7777]).toEqual([65534, 65534, 0o600]);
    const [b] = backups(root);
    expect(b).toMatch(/^var__spool__cron__root\.\d{8}T\d{6}Z$/);
    expect(fs.readFileSync(path.join(root, 'var/backups/spoolrescue', b), 'utf8')).toBe(original);
    expect(fs.readdirSync(path.join(root, 'var/spool/cron'))).toEqual(['root']);
    expect(j.findings.map((f: { id: string }) => f.id)).not.toContain('cron-mailto-root@/var/spool/cron/root');

    const again = runCli(['prevent', '--root', root, '--apply', 'cron-mailto-root@/var/spool/cron/root', '--yes']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/no such finding on this host \(already fixed\?\); nothing to change/);
    expect(fs.readFileSync(cronFile, 'utf8')).toBe(now.join('\n'));
    expect(backups(root)).toEqual([b]);
  });

  it('crond-mail-on and logwatch-daily-report together: CRONDARGS on its line, DailyReport where 0logwatch reads it', () => {
    const root = tree('rhel');
    const before = snapshot(root);
    const r = runCli(['prevent', '--root', root, '--apply', 'crond-mail-on,logwatch-daily-report', '--yes']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(changedFiles(before, snapshot(root))).toEqual(['etc/sysconfig/crond', 'usr/share/logwatch/default.conf/logwatch.conf']);
    expect(fs.readFileSync(path.join(root, 'etc/sysconfig/crond'), 'utf8').split('\n')[2]).toBe('CRONDARGS="-m off"');
    expect(fs.readFileSync(path.join(root, 'usr/share/logwatch/default.conf/logwatch.conf'), 'utf8')).toBe(LAYOUTS.rhel['/usr/share/logwatch/default.conf/logwatch.conf'] + 'DailyReport = No\n');
    expect(r.stdout).toMatch(/skipped: systemctl restart crond — not run: under --root/);
    expect(r.stdout).toMatch(/crond-mail-on: fixed/);
    expect(r.stdout).toMatch(/logwatch-daily-report: fixed/);
    expect(backups(root)).toHaveLength(2);
  });

  it('root-mail-stays-local: refused without an address or with a pipe, nothing changed', () => {
    const root = tree('rhel');
    const before = snapshot(root);
    const none = runCli(['prevent', '--root', root, '--apply', 'root-mail-stays-local', '--yes']);
    expect(none.status).toBe(3);
    expect(none.stderr).toMatch(/--forward-root-to/);
    const pipe = runCli(['prevent', '--root', root, '--apply', 'root-mail-stays-local', '--forward-root-to', '|/bin/sh', '--yes']);
    expect(pipe.status).toBe(3);
    expect(changedFiles(before, snapshot(root))).toEqual([]);
    expect(backups(root)).toEqual([]);
  });

  it('refusals: advice-only codes, no terminal without --yes, a backup directory cron would read; unknown codes are usage errors', () => {
    const root = tree('rhel', { '/etc/logrotate.d/syslog': null });
    const before = snapshot(root);
    expect(runCli(['prevent', '--root', root, '--apply', 'maillog-not-rotated', '--yes']).status).toBe(3);
    const noTty = runCli(['prevent', '--root', root, '--apply', 'crond-mail-on']);
    expect(noTty.status).toBe(3);
    expect(noTty.stderr).toMatch(/--yes/);
    const cronDir = runCli(['prevent', '--root', root, '--apply', 'crond-mail-on', '--backup-dir', '/etc/cron.d/old', '--yes']);
    expect(cronDir.status).toBe(3);
    expect(cronDir.stderr).toMatch(/inside \/etc\/cron\.d/);
    expect(runCli(['prevent', '--root', root, '--apply', 'no-such-code', '--yes']).status).toBe(2);
    expect(changedFiles(before, snapshot(root))).toEqual([]);
  });

  it('a symlinked aliases file is not written through: exit 1, nothing changed', () => {
    const root = tree('debian');
    fs.renameSync(path.join(root, 'etc/aliases'), path.join(root, 'etc/aliases.real'));
    fs.symlinkSync('aliases.real', path.join(root, 'etc/aliases'));
    const before = snapshot(root);
    const r = runCli(['prevent', '--root', root, '--apply', 'decode-trap-missing', '--yes']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/symbolic link/);
    expect(changedFiles(before, snapshot(root))).toEqual([]);
  });
});

describe('hostile configuration files', () => {
  it('escape sequences planted in a crontab reach the terminal escaped; a non-UTF-8 crontab is not rewritten', () => {
    const root = tree('rhel', { '/etc/cron.d/planted': 'MAILTO=root\n* * * * * root /bin/x \u001b]0;pwned\u0007\n' });
    const report = runCli(['prevent', '--root', root]);
    expect(report.status).toBe(0);
    expect(report.stdout).not.toContain('\u001b');
    expect(report.stdout).toContain('/bin/x \\u{1b}]0;pwned\\u{7}');
    const bad = path.join(root, 'var/spool/cron/root');
    const bytes = Buffer.concat([Buffer.from('MAILTO=root\n* * * * * /bin/caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    fs.writeFileSync(bad, bytes);
    const r = runCli(['prevent', '--root', root, '--apply', 'cron-mailto-root@/var/spool/cron/root', '--yes']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/not UTF-8; not rewritten/);
    expect(fs.readFileSync(bad).equals(bytes)).toBe(true);
  });
});

describe('prevent --apply on a Debian tree', () => {
  it('root and decode in one run: one merged diff of /etc/aliases, one newaliases, both gone', () => {
    const root = tree('debian');
    const r = runCli(['prevent', '--root', root, '--apply', 'root-mail-stays-local,decode-trap-missing', '--forward-root-to', 'charlie', '--yes', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = r.json();
    expect(j.plan.edits).toHaveLength(1);
    expect(fs.readFileSync(path.join(root, 'etc/aliases'), 'utf8')).toBe(LAYOUTS.debian['/etc/aliases'] + 'root:\t\tcharlie\n# trap decode to catch security attacks\ndecode:\t\troot\n');
    expect(j.plan.commands.map((c: { argv: string[] }) => c.argv[0])).toEqual(['postalias']);
    expect(j.applied.verified.every((v: { fixed: boolean }) => v.fixed)).toBe(true);
    expect(j.findings.map((f: { code: string }) => f.code)).not.toContain('aliases-db-stale');
  });
});

describe('prevent --incident: the closing section', () => {
  it('timeline from the incident file records, fixes of this run, findings still open', () => {
    const root = tree('rhel');
    const incident = path.join(tmp.dir, 'incident.md');
    // Sections as the tool writes them: framed and sealed (unsealed records are not trusted).
    const section = (step: string, record: Record<string, unknown>, time: string) => sealSection(formatSectionHeader({ step, title: step, host: 'mx', time: new Date(time), what: step, source: 's', sha256: null, record }));
    fs.writeFileSync(
      incident,
      [
        section('capture', { kind: 'mbox', path: '/var/spool/mail/root', first: 'Mon Jan  6 04:02:01 2025', last: 'Sun Nov 30 23:59:01 2025' }, '2025-12-01T03:10:00Z'),
        section('maillog', { diskFullSince: 'Nov 30 23:59:58' }, '2025-12-01T03:12:00Z'),
        section('truncate', { kind: 'truncate', path: '/var/spool/mail/root', sizeBefore: 5000, sizeAfter: 0 }, '2025-12-01T03:20:00Z'),
        section('purge', { dir: '/var/spool/postfix/maildrop', strategy: 'swap', removed: 1200, bytes: 900000, ok: true }, '2025-12-01T03:30:00Z'),
      ].join(''),
      { mode: 0o600 },
    );
    const r = runCli(['prevent', '--root', root, '--apply', 'crond-mail-on', '--yes', '--incident', incident]);
    expect(r.status, r.stderr).toBe(0);
    const text = fs.readFileSync(incident, 'utf8');
    const closing = text.slice(text.indexOf('## spoolrescue prevent'));
    expect(closing).toContain('Mail piling up since: **Mon Jan  6 04:02:01 2025** (first captured message)');
    expect(closing).toContain('Disk full since: **Nov 30 23:59:58**');
    expect(closing).toMatch(/\| 2025-12-01T03:20:00.000Z \| truncate \| truncated \/var\/spool\/mail\/root \| 5000 \| 0 \|/);
    expect(closing).toMatch(/\| 2025-12-01T03:30:00.000Z \| purge \| emptied \/var\/spool\/postfix\/maildrop \(swap\) \| 900000 \| 1200 \|/);
    expect(closing).toContain('- Fixed: `crond-mail-on`');
    expect(closing).toMatch(/Still open:\n {2}- `root-mail-stays-local` \(high\)/);
    expect(closing).toContain('+CRONDARGS="-m off"');
    expect(closing).toMatch(/spoolrescue-record \{"step":"prevent".*"fixed":\["crond-mail-on"\]/);
  });
});
