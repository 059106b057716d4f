import { describe, expect, it } from 'vitest';
import { parseAliases, splitTargets } from '../../../src/core/prevent/aliases-file.js';
import { outputRedirected, parseCrontab } from '../../../src/core/prevent/crontab-file.js';
import { removeMainCf, removeMasterOverride, setMainCf } from '../../../src/core/prevent/main-cf-edit.js';
import { parseMasterCf } from '../../../src/core/prevent/master-cf.js';
import { globMatches, parseLogrotate } from '../../../src/core/prevent/logrotate-rules.js';
import { cidrWithin, parseCidr } from '../../../src/core/prevent/networks.js';
import { unifiedDiff } from '../../../src/core/prevent/text-edit.js';
import { fixUnknownRecipients } from '../../../src/core/prevent/fix-postfix.js';
import { backupDirProblem } from '../../../src/core/prevent/backup-place.js';

describe('aliases(5)', () => {
  it('joins continuation lines, keeps quoted commas, lower-cases names, remembers commented entries', () => {
    const p = parseAliases('# c\nRoot:\tcharlie,\n\t\\root\nfw: "|/usr/bin/x a, b", ext@example.org\n#decode: root\n\nbad line\n');
    expect(p.entries).toEqual([
      { name: 'root', targets: ['charlie', '\\root'], line: 2, endLine: 3 },
      { name: 'fw', targets: ['"|/usr/bin/x a, b"', 'ext@example.org'], line: 4, endLine: 4 },
    ]);
    expect(p.commented).toEqual([{ name: 'decode', targets: ['root'], line: 5 }]);
    expect(splitTargets(' a , b,,c ')).toEqual(['a', 'b', 'c']);
  });
});

describe('crontab(5)', () => {
  it.each([
    ['cmd', false],
    ['cmd >/dev/null', false],
    ['cmd >/dev/null 2>&1', true],
    ['cmd 1>/dev/null 2>&1', true],
    ['cmd 2>&1 >/dev/null', false],
    ['cmd &>/var/log/x', true],
    ['cmd > /tmp/o 2> /tmp/e', true],
    ['cmd >>/var/log/x 2>>/var/log/y', true],
  ])('%s redirects all output: %s', (cmd, want) => {
    expect(outputRedirected(cmd)).toBe(want);
  });

  it('MAILTO applies below it; system files carry a user field, per-user files do not; @reboot and anacrontab jobs', () => {
    const sys = parseCrontab('17 * * * * root run-parts x\nMAILTO = "ops@example.org"\n@daily www-data /bin/y\n# 1 * * * * root z\n', 'system');
    expect(sys.jobs.map((j) => [j.line, j.user, j.mailto])).toEqual([[1, 'root', undefined], [3, 'www-data', 'ops@example.org']]);
    const user = parseCrontab('MAILTO=root\n*/3 * * * * /bin/a b\n', 'user', 'alice');
    expect(user.jobs[0]).toMatchObject({ user: 'alice', command: '/bin/a b', mailto: 'root' });
    const ana = parseCrontab('MAILTO=root\n1\t5\tcron.daily\tnice run-parts /etc/cron.daily\n@monthly 45 cron.monthly run-parts m\n', 'anacrontab');
    expect(ana.jobs.map((j) => j.command)).toEqual(['nice run-parts /etc/cron.daily', 'run-parts m']);
  });
});

describe('master.cf', () => {
  it('reads -o overrides on continuation lines and in braces, with their lines', () => {
    const s = parseMasterCf('smtp inet n - n - - smtpd\n  -o smtpd_reject_unlisted_recipient=no\n  -o { smtpd_relay_restrictions = permit_mynetworks, reject }\n#x inet n - n - - smtpd\npickup unix n - n 60 1 pickup\n');
    expect(s.map((x) => `${x.service}/${x.type}:${x.command}`)).toEqual(['smtp/inet:smtpd', 'pickup/unix:pickup']);
    expect(s[0].overrides).toEqual([
      { name: 'smtpd_reject_unlisted_recipient', value: 'no', line: 2 },
      { name: 'smtpd_relay_restrictions', value: 'permit_mynetworks, reject', line: 3 },
    ]);
  });
});

describe('main.cf edits', () => {
  const text = '# x\nmailbox_size_limit = 0\nsmtpd_relay_restrictions = permit_mynetworks,\n    reject_unauth_destination\nlocal_recipient_maps =\n';
  it('replaces a setting with its continuation lines, appends a new one, removes one', () => {
    expect(setMainCf(text, 'mailbox_size_limit', '51200000')).toBe(text.replace('= 0', '= 51200000'));
    expect(setMainCf(text, 'smtpd_relay_restrictions', 'x')).toBe('# x\nmailbox_size_limit = 0\nsmtpd_relay_restrictions = x\nlocal_recipient_maps =\n');
    expect(setMainCf('a = 1', 'b', '2')).toBe('a = 1\nb = 2\n');
    expect(removeMainCf(text, 'local_recipient_maps')).toBe(text.replace('local_recipient_maps =\n', ''));
  });

  it('removes a master.cf override only when it stands alone on its line', () => {
    const m = 'smtp inet n - n - - smtpd\n  -o local_recipient_maps=\n  -o a=b -o c=d\n';
    expect(removeMasterOverride(m, 2)).toBe('smtp inet n - n - - smtpd\n  -o a=b -o c=d\n');
    expect(removeMasterOverride(m, 3)).toBeNull();
  });

  it('a unified diff shows only the changed line with its context', () => {
    expect(unifiedDiff('/etc/x', 'a\nb\nc\nd\ne\nf\ng\n', 'a\nb\nc\nD\ne\nf\ng\n')).toBe('--- /etc/x\n+++ /etc/x\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n');
  });
});

describe('small rules', () => {
  it('logrotate patterns and globs', () => {
    const rules = parseLogrotate('/etc/logrotate.d/x', '# c\n"/var/log/mail.log" /var/log/mail.err {\n weekly\n}\n/var/log/postfix/*.log { daily }\n');
    expect(rules.map((r) => r.patterns)).toEqual([['/var/log/mail.log', '/var/log/mail.err'], ['/var/log/postfix/*.log']]);
    expect(globMatches('/var/log/mail*', '/var/log/maillog')).toBe(true);
    expect(globMatches('/var/log/*.log', '/var/log/sub/x.log')).toBe(false);
  });

  it('CIDR containment, IPv4 and IPv6', () => {
    expect(cidrWithin(parseCidr('192.168.1.0/24')!, parseCidr('192.168.0.0/16')!)).toBe(true);
    expect(cidrWithin(parseCidr('10.0.0.0/8')!, parseCidr('10.1.0.0/16')!)).toBe(false);
    expect(cidrWithin(parseCidr('[2001:db8:1::]/48')!, parseCidr('[2001:db8::]/32')!)).toBe(true);
    expect(parseCidr('hash:/etc/postfix/network_table')).toBeNull();
  });

  it('backups never go where cron or logrotate would read them', () => {
    expect(backupDirProblem('/var/spool/cron/old')).toMatch(/\/var\/spool\/cron/);
    expect(backupDirProblem('/etc/cron.d')).toMatch(/cron\.d/);
    expect(backupDirProblem('/var/backups/spoolrescue')).toBeNull();
  });

  it('unknown-recipients fix drops a master.cf override that stands alone, refuses one that shares its line', () => {
    const base = { code: 'unknown-recipients-accepted' as const, id: 'unknown-recipients-accepted', severity: 'high' as const, where: {}, fixable: true, facts: { causes: [{ kind: 'unlisted-override' as const, service: 'smtp/inet' }], luserRelay: null } };
    const config = (master: string) => ({ postfix: { values: { local_recipient_maps: 'x', smtpd_reject_unlisted_recipient: 'yes' }, explicit: [], source: 'main.cf' as const, mainCf: '/etc/postfix/main.cf', mainCfText: 'a = b\n', masterCf: { path: '/etc/postfix/master.cf', text: master } } }) as never;
    const ok = fixUnknownRecipients(base, config('smtp inet n - n - - smtpd\n  -o smtpd_reject_unlisted_recipient=no\n'), {});
    expect(ok).toMatchObject({ edits: [{ path: '/etc/postfix/master.cf', after: 'smtp inet n - n - - smtpd\n' }] });
    const shared = fixUnknownRecipients(base, config('smtp inet n - n - - smtpd -o smtpd_reject_unlisted_recipient=no\n'), {});
    expect(shared).toMatchObject({ refused: { code: 'shared-line' } });
  });
});
