import { describe, expect, it } from 'vitest';
import { classifyTarget, pathIsSameOrUnder, refusalWords, targetWords, type TargetPaths } from '../../src/core/purge/target.js';
import { debianTargetPaths } from './purge-target-fixture.js';

const base = debianTargetPaths;
const classify = (dir: string, extra: Partial<TargetPaths> = {}) => classifyTarget({ ...base, ...extra, dir });
// Why a target is refused, in words (English: the run's language in these tests).
const why = (dir: string, extra: Partial<TargetPaths> = {}) => {
  const r = classify(dir, extra).refusal;
  return r && refusalWords(r);
};

describe('classifyTarget', () => {
  it.each([
    ['/var/spool/postfix/maildrop', 'postfix-queue', 'maildrop'],
    ['/var/spool/postfix/bounce', 'postfix-queue', 'bounce'],
    ['/var/spool/postfix/deferred', 'postfix-queue', 'deferred'],
    ['/var/spool/postfix/corrupt', 'postfix-queue', 'corrupt'],
    ['/var/spool/postfix/deferred/A', 'postfix-queue-subdir', 'deferred'],
  ])('allows the queue directory %s without a flag', (dir, kind, queue) => {
    const c = classify(dir);
    expect(c).toMatchObject({ kind, queueName: queue, allowedByDefault: true });
    expect(c.refusal).toBeUndefined();
  });

  it('allows a directory under the mail spool', () => {
    expect(classify('/var/spool/mail/backlog')).toMatchObject({ kind: 'mail-spool', allowedByDefault: true });
  });

  it.each([
    ['/', /root directory/],
    ['/var/spool/postfix', /queue directory itself/],
    ['/var/spool/postfix/pid', /master\.pid/],
    ['/var/spool/postfix/public', /pickup and qmgr sockets/],
    ['/var/spool/postfix/private', /sockets of its daemons/],
    ['/var/spool/postfix/private/x', /sockets of its daemons/],
    ['/var/spool/postfix/etc', /chroot's etc/],
    ['/var/spool/postfix/lib', /chroot's lib/],
    ['/var/spool/postfix/usr', /chroot's usr/],
    ['/var/spool/postfix/dev', /chroot's dev/],
    ['/var/spool/postfix/etc/ssl', /chroot's etc/],
    ['/var/spool/mail', /mail spool/],
    ['/var/spool', /contains Postfix's queue directory/],
    ['/var', /contains/],
    ['/etc', /contains Postfix's configuration/],
    ['/etc/postfix', /configuration directory itself/],
    ['/var/lib/postfix', /data directory itself/],
  ])('always refuses %s', (dir, why) => {
    const c = classify(dir);
    expect(c.allowedByDefault).toBe(false);
    expect(refusalWords(c.refusal!)).toMatch(why);
  });

  it('refuses the --root directory as it would refuse /', () => {
    expect(why('/srv/rescue', { systemRoot: '/srv/rescue', queueDirectory: '/srv/rescue/var/spool/postfix' })).toMatch(/root directory/);
  });

  it('needs the explicit flag for other directories (not refused)', () => {
    for (const dir of ['/home/me/tmp', '/var/spool/postfix/unknown-dir', '/srv/queue']) {
      const c = classify(dir);
      expect(c).toMatchObject({ kind: 'other', allowedByDefault: false });
      expect(c.refusal).toBeUndefined();
    }
  });

  it("refuses a queue of another Postfix instance (its parent looks like a queue directory)", () => {
    expect(why('/var/spool/postfix-out/maildrop', { parentLooksLikeOtherQueue: true })).toMatch(/another Postfix instance.*--postfix-config/);
    expect(targetWords(classify('/var/spool/postfix-out/maildrop', { parentLooksLikeOtherQueue: true }))).toBe("another Postfix instance's queue");
  });

  it('does not mistake a sibling with a common prefix for a child', () => {
    expect(classify('/var/spool/postfix-old/maildrop')).toMatchObject({ kind: 'other' });
    expect(classify('/var/spool/mailbox/x')).toMatchObject({ kind: 'other' });
    expect(pathIsSameOrUnder('/a/bc', '/a/b')).toBe(false);
    expect(pathIsSameOrUnder('/a/b/c', '/a/b')).toBe(true);
    expect(pathIsSameOrUnder('/a/b', '/a/b')).toBe(true);
  });
});
