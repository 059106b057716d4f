import { describe, expect, it } from 'vitest';
import { createMailPathTagger } from '../../src/core/postfix/mail-paths.js';
import { createSystemPaths } from '../../src/core/system-paths.js';

describe('mail path tagging', () => {
  const live = createSystemPaths(undefined, '/');
  const tag = createMailPathTagger(
    { queueDirectory: '/var/spool/postfix', mailSpoolDirectory: '/var/mail' },
    live,
    (p) => (p === '/var/mail' ? '/var/spool/mail' : p),
  );

  it.each([
    ['/var/spool/postfix', { kind: 'queue-directory', label: 'Postfix queue dir' }],
    ['/var/spool/postfix/maildrop', { kind: 'queue', queue: 'maildrop', label: 'maildrop queue' }],
    ['/var/spool/postfix/maildrop/4F1A2B3C4D', { kind: 'queue', queue: 'maildrop', label: 'in maildrop queue' }],
    ['/var/spool/postfix/deferred/2', { kind: 'queue', queue: 'deferred', label: 'in deferred queue' }],
    ['/var/spool/postfix/bounce', { kind: 'queue', queue: 'bounce', label: 'bounce queue' }],
    ['/var/spool/postfix/private', { kind: 'queue-protected', queue: 'private', label: 'Postfix private/, keep' }],
    ['/var/spool/postfix/lib', { kind: 'queue-protected', label: 'chroot lib/, keep' }],
    ['/var/spool/postfix/something', { kind: 'queue-directory', label: 'in Postfix queue dir' }],
    ['/var/mail', { kind: 'mail-spool', label: 'mail spool' }],
    ['/var/spool/mail', { kind: 'mail-spool', label: 'mail spool' }],
    ['/var/spool/mail/root', { kind: 'mailbox', user: 'root', label: "root's mailbox" }],
    ['/var/mail/alice.lock', { kind: 'mailbox', user: 'alice', label: "lock of alice's mailbox" }],
    ['/var/log/maillog', { kind: 'mail-log', label: 'mail log' }],
    ['/var/log/maillog-20261120', { kind: 'mail-log', label: 'mail log' }],
    ['/var/log/mail.log.2.gz', { kind: 'mail-log', label: 'mail log' }],
    ['/var/log/mail/current', { kind: 'mail-log', label: 'mail logs' }],
  ])('tags %s', (p, expected) => {
    expect(tag(p)).toEqual(expected);
  });

  it.each(['/var/spool/postfixx', '/var/log/messages', '/var/log/mailman/x', '/var', '/', '/home/root'])('leaves %s alone', (p) => {
    expect(tag(p)).toBeUndefined();
  });

  it('works on host paths under --root and with maillog_file', () => {
    const paths = createSystemPaths('/srv/rescue', '/');
    const t = createMailPathTagger(
      { queueDirectory: paths.sys('/var/spool/postfix'), mailSpoolDirectory: paths.sys('/var/spool/mail'), maillogFile: paths.sys('/var/log/postfix.log') },
      paths,
    );
    expect(t('/srv/rescue/var/spool/postfix/maildrop')).toMatchObject({ kind: 'queue', queue: 'maildrop' });
    expect(t('/srv/rescue/var/spool/mail/root')).toMatchObject({ kind: 'mailbox', user: 'root' });
    expect(t('/srv/rescue/var/log/postfix.log.1')).toEqual({ kind: 'mail-log', label: 'Postfix mail log (maillog_file)' });
    expect(t('/srv/rescue/var/log/maillog')).toMatchObject({ kind: 'mail-log' });
    expect(t('/var/spool/postfix/maildrop')).toBeUndefined();
  });
});
