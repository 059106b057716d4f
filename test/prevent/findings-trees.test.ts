import { unreadConfigWords } from '../../src/core/prevent/apply-facts.js';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding, FindingCode } from '../../src/core/prevent/finding.js';
import { findingWords } from '../../src/core/prevent/finding-words.js';
import type { RetryStormInput } from '../../src/core/prevent/host-config.js';
import { createSystemPaths } from '../../src/core/system-paths.js';
import { planPrevent } from '../../src/ops/prevent.js';
import { itWith } from '../helpers/capabilities.js';
import { mountTmpfs } from '../helpers/mounts.js';
import { buildTree, LAYOUTS, type Layout } from '../helpers/prevent-tree.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Each finding from the host's real files, both directions: a tree where it is present and the
// same tree with one change where it is absent (RHEL and Debian layouts, under --root).

const tmp = makeTempDir('prevent-trees');
afterAll(tmp.cleanup);
let n = 0;

async function findingsOf(layout: Layout, over: Record<string, string | null> = {}, opts: { staleDb?: boolean; retryStorm?: RetryStormInput } = {}): Promise<Finding[]> {
  const root = path.join(tmp.dir, `t${n++}`);
  buildTree(root, layout, over, opts);
  const plan = await planPrevent({ paths: createSystemPaths(root), apply: [], retryStorm: opts.retryStorm });
  if ('refused' in plan) throw new Error(plan.refused.reason);
  return plan.findings;
}

const codes = (fs: Finding[]) => fs.map((f) => f.code);
const one = (fs: Finding[], code: FindingCode) => {
  const hits = fs.filter((f) => f.code === code);
  expect(hits, `${code} in ${JSON.stringify(fs.map((f) => f.id))}`).toHaveLength(1);
  return hits[0];
};
const rhelAliases = LAYOUTS.rhel['/etc/aliases'];
const rhelMain = LAYOUTS.rhel['/etc/postfix/main.cf'];
const debMain = LAYOUTS.debian['/etc/postfix/main.cf'];
const master = LAYOUTS.rhel['/etc/postfix/master.cf'];

describe('prevent findings on fixture trees', () => {
  it('RHEL as shipped: exactly the findings a default install has', async () => {
    const f = await findingsOf('rhel');
    expect(new Set(codes(f))).toEqual(new Set(['root-mail-stays-local', 'cron-mailto-root', 'logwatch-daily-report', 'crond-mail-on', 'queue-lifetime-long', 'spool-on-root-fs']));
    expect(f.filter((x) => x.code === 'cron-mailto-root').map((x) => x.where.file).sort()).toEqual(['/etc/anacrontab', '/etc/cron.d/0hourly', '/var/spool/cron/root']);
  });

  it('Debian as shipped: its own set (mailbox_size_limit = 0, no decode trap, no MAILTO in /etc/crontab)', async () => {
    const f = await findingsOf('debian');
    expect(new Set(codes(f))).toEqual(new Set(['root-mail-stays-local', 'decode-trap-missing', 'cron-mailto-root', 'mailbox-size-unlimited', 'logwatch-daily-report', 'queue-lifetime-long', 'spool-on-root-fs']));
    expect(f.some((x) => x.where.file === '/var/spool/cron/crontabs/alice')).toBe(false);
  });

  it('root-mail-stays-local: commented root:, \\root and root: root are findings; several forwarding targets are not', async () => {
    expect(findingWords(one(await findingsOf('rhel'), 'root-mail-stays-local')).what).toMatch(/line 15 is commented out: root: marc/);
    const keep = one(await findingsOf('rhel', { '/etc/aliases': rhelAliases + 'root:\tcharlie,\n\t\\root\n' }), 'root-mail-stays-local');
    expect(findingWords(keep).what).toContain('\\root');
    expect(keep.where).toEqual({ file: '/etc/aliases', line: 16 });
    expect(codes(await findingsOf('rhel', { '/etc/aliases': rhelAliases + 'root: root\n' }))).toContain('root-mail-stays-local');
    expect(codes(await findingsOf('rhel', { '/etc/aliases': rhelAliases + 'root:\t\tcharlie, dennis\n' }))).not.toContain('root-mail-stays-local');
  });

  it('decode-trap-missing: commented out is a finding, kept is not', async () => {
    const f = one(await findingsOf('rhel', { '/etc/aliases': rhelAliases.replace('decode:', '#decode:') }), 'decode-trap-missing');
    expect(f.where).toEqual({ file: '/etc/aliases', line: 12 });
    expect(codes(await findingsOf('rhel'))).not.toContain('decode-trap-missing');
  });

  it('aliases-db-stale: no database, or one older than the text', async () => {
    expect(findingWords(one(await findingsOf('rhel', {}, { staleDb: true }), 'aliases-db-stale')).what).toMatch(/aliases\.db does not exist/);
    expect(codes(await findingsOf('rhel'))).not.toContain('aliases-db-stale');
  });

  it('cron-mailto-root: per-user crontab lines, commented jobs skipped; MAILTO="" or full redirection clears it', async () => {
    const f = (await findingsOf('rhel')).find((x) => x.where.file === '/var/spool/cron/root')!;
    expect(f.where.line).toBe(1);
    expect(findingWords(f).details).toEqual(['line 3: root /etc/rc.d/secure_cleaning.pl', 'line 4: root /etc/rc.d/dns_listen_flush.sh']);
    const quiet = await findingsOf('rhel', { '/var/spool/cron/root': 'MAILTO=""\n* * * * * /etc/rc.d/secure_cleaning.pl\n' });
    expect(quiet.some((x) => x.where.file === '/var/spool/cron/root')).toBe(false);
    const redirected = await findingsOf('rhel', { '/var/spool/cron/root': 'MAILTO=root\n* * * * * /etc/rc.d/a.sh >/dev/null 2>&1\n*/3 * * * * /etc/rc.d/b.sh &> /var/log/b.log\n' });
    expect(redirected.some((x) => x.where.file === '/var/spool/cron/root')).toBe(false);
    const halfway = await findingsOf('rhel', { '/var/spool/cron/root': 'MAILTO=root\n* * * * * /etc/rc.d/a.sh 2>&1 >/dev/null\n' });
    expect(halfway.some((x) => x.where.file === '/var/spool/cron/root')).toBe(true);
  });

  it('cron-mailto-root: a file dropped into /etc/cron.d is read, its user field decides', async () => {
    const f = await findingsOf('debian', { '/etc/cron.d/backup': 'MAILTO=ops@example.org\n0 2 * * * root /usr/local/bin/backup\n', '/etc/cron.d/report': '0 3 * * * root /usr/local/bin/report\n0 4 * * * www-data /usr/local/bin/web\n' });
    expect(f.some((x) => x.where.file === '/etc/cron.d/backup')).toBe(false);
    expect(findingWords(f.find((x) => x.where.file === '/etc/cron.d/report')!).details).toEqual(['line 1: root /usr/local/bin/report']);
  });

  it('crond-mail-on: information by default, medium where MAILTO="" shows the intent; -m off clears it', async () => {
    expect(one(await findingsOf('rhel'), 'crond-mail-on').severity).toBe('info');
    const intent = await findingsOf('rhel', { '/etc/crontab': LAYOUTS.rhel['/etc/crontab'].replace('MAILTO=root', 'MAILTO=""') });
    expect(one(intent, 'crond-mail-on').severity).toBe('medium');
    expect(codes(await findingsOf('rhel', { '/etc/sysconfig/crond': 'CRONDARGS="-m off"\n' }))).not.toContain('crond-mail-on');
    expect(codes(await findingsOf('debian'))).not.toContain('crond-mail-on');
  });

  it('logwatch-daily-report: RHEL reads DailyReport (fixable), Debian does not (advice); off or absent clears it', async () => {
    expect(one(await findingsOf('rhel'), 'logwatch-daily-report').fixable).toBe(true);
    const off = LAYOUTS.rhel['/usr/share/logwatch/default.conf/logwatch.conf'] + 'DailyReport = No\n';
    expect(codes(await findingsOf('rhel', { '/usr/share/logwatch/default.conf/logwatch.conf': off }))).not.toContain('logwatch-daily-report');
    expect(one(await findingsOf('debian'), 'logwatch-daily-report').fixable).toBe(false);
    expect(codes(await findingsOf('debian', { '/etc/logwatch/conf/logwatch.conf': 'MailTo = ops@example.org\n' }))).not.toContain('logwatch-daily-report');
    expect(codes(await findingsOf('rhel', { '/etc/cron.daily/0logwatch': null, '/usr/share/logwatch/default.conf/logwatch.conf': null, '/etc/logwatch/conf/logwatch.conf': null }))).not.toContain('logwatch-daily-report');
  });

  it('mailbox-size-unlimited: 0 or below message_size_limit; the default is fine', async () => {
    expect(one(await findingsOf('debian'), 'mailbox-size-unlimited').where).toEqual({ file: '/etc/postfix/main.cf', setting: 'mailbox_size_limit' });
    expect(one(await findingsOf('rhel', { '/etc/postfix/main.cf': rhelMain + 'mailbox_size_limit = 1000\n' }), 'mailbox-size-unlimited').severity).toBe('medium');
    expect(codes(await findingsOf('debian', { '/etc/postfix/main.cf': debMain.replace('mailbox_size_limit = 0', 'mailbox_size_limit = 51200000') }))).not.toContain('mailbox-size-unlimited');
  });

  it('queue-lifetime-long: medium after a retry storm, absent without one or with short lifetimes', async () => {
    const storm = { retryStorm: true, evidence: ['90442C9CB29 deferred 412 times'] };
    const f = one(await findingsOf('rhel', {}, { retryStorm: storm }), 'queue-lifetime-long');
    expect(f.severity).toBe('medium');
    expect(findingWords(f).details).toEqual(storm.evidence);
    expect(codes(await findingsOf('rhel', {}, { retryStorm: { retryStorm: false, evidence: [] } }))).not.toContain('queue-lifetime-long');
    expect(codes(await findingsOf('rhel', { '/etc/postfix/main.cf': rhelMain + 'maximal_queue_lifetime = 1d\nbounce_queue_lifetime = 1d\n' }, { retryStorm: storm }))).not.toContain('queue-lifetime-long');
  });

  it('unknown-recipients-accepted: empty local_recipient_maps in main.cf, or a master.cf override; defaults are fine', async () => {
    const main = one(await findingsOf('debian', { '/etc/postfix/main.cf': debMain + 'local_recipient_maps =\nluser_relay = unknown_user@localhost\n' }), 'unknown-recipients-accepted');
    expect(main.where).toEqual({ file: '/etc/postfix/main.cf', setting: 'local_recipient_maps' });
    expect(findingWords(main).what).toContain('luser_relay');
    expect(findingWords(main).why).toMatch(/luser_relay.*reject/s);
    const over = one(await findingsOf('debian', { '/etc/postfix/master.cf': master.replace('smtpd\n', 'smtpd\n  -o smtpd_reject_unlisted_recipient=no\n') }), 'unknown-recipients-accepted');
    expect(over.where).toEqual({ file: '/etc/postfix/master.cf', line: 4, setting: 'smtp/inet -o smtpd_reject_unlisted_recipient' });
    expect(codes(await findingsOf('debian'))).not.toContain('unknown-recipients-accepted');
  });

  it('open-relay-risk: no reject_unauth_destination, a master.cf override without it, or a wide mynetworks', async () => {
    expect(codes(await findingsOf('debian', { '/etc/postfix/main.cf': debMain.replace('defer_unauth_destination', 'permit') }))).toContain('open-relay-risk');
    const over = one(await findingsOf('debian', { '/etc/postfix/master.cf': master.replace('smtpd\n', 'smtpd\n  -o smtpd_relay_restrictions=permit_mynetworks,permit\n') }), 'open-relay-risk');
    expect(over.where.file).toBe('/etc/postfix/master.cf');
    expect(findingWords(one(await findingsOf('debian', { '/etc/postfix/main.cf': debMain.replace('mynetworks = 127.0.0.0/8', 'mynetworks = 0.0.0.0/0 127.0.0.0/8') }), 'open-relay-risk')).what).toContain('0.0.0.0/0');
    expect(codes(await findingsOf('debian'))).not.toContain('open-relay-risk');
  });

  it('maillog-not-rotated: a mail log no logrotate rule names; the shipped rules cover it', async () => {
    expect(one(await findingsOf('rhel', { '/etc/logrotate.d/syslog': null }), 'maillog-not-rotated').where).toEqual({ file: '/var/log/maillog' });
    const rsyslog = LAYOUTS.debian['/etc/logrotate.d/rsyslog'].replace('/var/log/mail.log\n', '');
    expect(one(await findingsOf('debian', { '/etc/logrotate.d/rsyslog': rsyslog }), 'maillog-not-rotated').where).toEqual({ file: '/var/log/mail.log' });
    expect(codes(await findingsOf('rhel', { '/etc/logrotate.d/syslog': '/var/log/mail* {\n weekly\n}\n' }))).not.toContain('maillog-not-rotated');
  });

  it('spool-on-root-fs: absent once queue_minfree holds the reserve back', async () => {
    expect(codes(await findingsOf('rhel', { '/etc/postfix/main.cf': rhelMain + 'queue_minfree = 2000000000\n' }))).not.toContain('spool-on-root-fs');
  });

  itWith(['mount'], 'spool-on-root-fs: absent when the queue and the spool have their own filesystems', async () => {
    const root = path.join(tmp.dir, 'mounted');
    buildTree(root, 'rhel');
    const mounts = ['var/spool/postfix', 'var/spool/mail'].map((d) => mountTmpfs(path.join(root, d), { size: '1m' }));
    try {
      const plan = await planPrevent({ paths: createSystemPaths(root), apply: [] });
      if ('refused' in plan) throw new Error('refused');
      expect(codes(plan.findings)).not.toContain('spool-on-root-fs');
    } finally {
      for (const m of mounts) m.unmount();
    }
  });

  it('a file that cannot be read is listed as not checked, not guessed', async () => {
    const root = path.join(tmp.dir, 'unreadable');
    buildTree(root, 'rhel');
    fs.writeFileSync(path.join(root, 'etc/cron.d/huge'), 'x'.repeat(5 << 20));
    const plan = await planPrevent({ paths: createSystemPaths(root), apply: [] });
    if ('refused' in plan) throw new Error('refused');
    expect(plan.unreadable.map((u) => unreadConfigWords(u, 'en')).join('\n')).toMatch(/\/etc\/cron\.d\/huge: \d+ bytes, larger than/);
  });
});
