import { afterEach, describe, expect, it } from 'vitest';
import { speak } from '../../src/core/i18n/speak.js';
import { mailPathText } from '../../src/core/postfix/messages.js';
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

describe('mail path tagging in Japanese (screens only; JSON keeps the English default)', () => {
  afterEach(() => speak('en'));
  const live = createSystemPaths(undefined, '/');
  const settings = { queueDirectory: '/var/spool/postfix', mailSpoolDirectory: '/var/mail' };

  it('words the same tags in the language it is given, the facts unchanged', () => {
    speak('ja');
    const ja = createMailPathTagger(settings, live, (p) => p, mailPathText());
    const en = createMailPathTagger(settings, live);
    expect(ja('/var/spool/postfix/maildrop')).toEqual({ kind: 'queue', queue: 'maildrop', label: 'maildrop キュー' });
    expect(ja('/var/spool/postfix/deferred/2')).toEqual({ kind: 'queue', queue: 'deferred', label: 'deferred キュー内' });
    expect(ja('/var/mail/alice.lock')).toEqual({ kind: 'mailbox', user: 'alice', label: 'alice のメールボックスのロック' });
    expect(ja('/var/spool/postfix/private')).toEqual({ kind: 'queue-protected', queue: 'private', label: 'Postfix private/、残す' });
    expect(ja('/var/log/maillog')).toEqual({ kind: 'mail-log', label: 'メールログ' });
    // Without words given, English even under ja: the scan's JSON `mail` tag never changes.
    expect(en('/var/mail/root')).toEqual({ kind: 'mailbox', user: 'root', label: "root's mailbox" });
  });
});
