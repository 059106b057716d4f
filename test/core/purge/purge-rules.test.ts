import { describe, expect, it } from 'vitest';
import type { FlagState } from '../../../src/core/purge/dir-attrs.js';
import type { TargetClass } from '../../../src/core/purge/target.js';
import {
  accessRefusal,
  flagsRefusal,
  incidentInsideRefusal,
  postsuperCommandFor,
  postsuperProblem,
  runningPostfixRefusal,
  targetRefusal,
  usePostsuper,
  type AccessFacts,
} from '../../../src/core/purge/purge-rules.js';

// The purge rails as pure decisions: each row is the facts io/ would gather and what the rails
// must answer (a refusal's code and words, a failure, or nothing). No reason names a command.

const maildrop: TargetClass = { kind: 'postfix-queue', queueName: 'maildrop', allowedByDefault: true, place: { code: 'queue', name: 'maildrop' } };
const incomingSub: TargetClass = { kind: 'postfix-queue-subdir', queueName: 'incoming', allowedByDefault: true, place: { code: 'inside-queue', name: 'incoming' } };
const pid: TargetClass = { kind: 'other', allowedByDefault: false, refusal: { code: 'protected', name: 'pid' }, place: { code: 'postfix-dir', name: 'pid', inside: false } };
const other: TargetClass = { kind: 'other', allowedByDefault: false, place: { code: 'outside' } };
const D = '/var/spool/postfix/maildrop';

describe('targetRefusal', () => {
  const rows: [string, Parameters<typeof targetRefusal>[1], string | null, RegExp | null][] = [
    ['a queue', { isSymlink: false, isDirectory: true, target: maildrop, anyDirectory: false }, null, null],
    ['a symlink', { isSymlink: true, isDirectory: false, target: maildrop, anyDirectory: true }, 'symlink', /^\/var\/spool\/postfix\/maildrop is a symlink \(never followed\); nothing was changed$/],
    ['a file', { isSymlink: false, isDirectory: false, target: maildrop, anyDirectory: true }, 'not-a-directory', /is not a directory; nothing was changed$/],
    ['pid/, even with --any-directory', { isSymlink: false, isDirectory: true, target: pid, anyDirectory: true }, 'forbidden-target', /is Postfix's pid\/: Postfix's pid\/ holds master\.pid and lock files; it must never be emptied; nothing was changed$/],
    ['elsewhere without --any-directory', { isSymlink: false, isDirectory: true, target: other, anyDirectory: false }, 'outside-queues', /is a directory outside the Postfix queue and the mail spool; nothing was changed$/],
    ['elsewhere with --any-directory', { isSymlink: false, isDirectory: true, target: other, anyDirectory: true }, null, null],
  ];
  it.each(rows)('%s', (_name, facts, code, words) => {
    const r = targetRefusal(D, facts);
    expect(r?.refused.code ?? null).toBe(code);
    if (words) expect(r!.refused.reason).toMatch(words);
  });

  it('points at --any-directory for a directory outside the queues', () => {
    expect(targetRefusal('/srv/x', { isSymlink: false, isDirectory: true, target: other, anyDirectory: false })!.refused.hint).toContain('--any-directory');
  });
});

describe('flagsRefusal', () => {
  const rows: [string, FlagState, string | null, string | null][] = [
    ['no flags', { state: 'read', flags: '' }, null, null],
    ['noatime only', { state: 'read', flags: 'A' }, null, null],
    ['immutable', { state: 'read', flags: 'i' }, 'is immutable (chattr +i)', 'chattr -i /q'],
    ['immutable and append-only', { state: 'read', flags: 'ia' }, 'is immutable and append-only (chattr +ia)', 'chattr -ia /q'],
    ['flags unreadable', { state: 'unknown', why: { code: 'tool-missing', tool: 'lsattr', package: 'e2fsprogs' } }, null, null],
  ];
  it.each(rows)('%s', (_name, flags, words, hint) => {
    const r = flagsRefusal('/q', flags);
    if (!words) return expect(r).toBeNull();
    expect(r!.refused).toMatchObject({ code: 'immutable' });
    expect(r!.refused.reason).toContain(words);
    expect(r!.refused.hint).toContain(hint);
  });
});

describe('accessRefusal', () => {
  const base: AccessFacts = { mount: '/var', readOnly: false, ownerUid: 0, euid: 0 };
  const rows: [string, Partial<AccessFacts>, string | null, RegExp | null][] = [
    ['root with access', {}, null, null],
    ['read-only mount flag', { readOnly: true }, 'read-only', /is on a read-only filesystem \(\/var\): nothing can be deleted there/],
    ['EROFS from access()', { accessCode: 'EROFS' }, 'read-only', /read-only filesystem/],
    ['another user', { accessCode: 'EACCES', euid: 65534, ownerUid: 0 }, 'needs-root', /needs root: it belongs to uid 0 and this is uid 65534/],
    ['the owner without permission', { accessCode: 'EACCES', euid: 1000, ownerUid: 1000 }, 'permission-denied', /cannot be emptied by uid 1000: permission denied \(EACCES\)/],
    ['root denied (an LSM)', { accessCode: 'EACCES' }, 'permission-denied', /cannot be emptied by uid 0/],
  ];
  it.each(rows)('%s', (_name, over, code, words) => {
    const r = accessRefusal('/q', { ...base, ...over });
    expect(r?.refused.code ?? null).toBe(code);
    if (words) expect(r!.refused.reason).toMatch(words);
  });

  it('hints at an LSM for root and at root for anyone else', () => {
    expect(accessRefusal('/q', { ...base, accessCode: 'EACCES' })!.refused.hint).toContain('LSM');
    expect(accessRefusal('/q', { ...base, accessCode: 'EACCES', euid: 1000, ownerUid: 1000 })!.refused.hint).toBe('Run the purge as root.');
  });
});

describe('postsuper rules', () => {
  it('names postsuper -d ALL only for a whole queue postsuper knows', () => {
    expect(postsuperCommandFor(maildrop, '/etc/postfix')).toBe('postsuper -c /etc/postfix -d ALL maildrop');
    expect(postsuperCommandFor(incomingSub, '/etc/postfix')).toBeUndefined();
    expect(postsuperCommandFor(other, '/etc/postfix')).toBeUndefined();
  });

  const ok = { target: maildrop, exists: true, postfixInstalled: true, mismatch: null as string | null, isQueue: true };
  const rows: [string, Partial<typeof ok>, 'refused' | 'failed' | null, string | null, boolean][] = [
    ['all fine', {}, null, null, false],
    ['not a whole queue (a request that makes no sense)', { target: incomingSub, isQueue: false }, 'failed', 'postsuper-not-a-queue', true],
    ['DIR missing after an interrupted run', { exists: false }, 'refused', 'postsuper-dir-missing', false],
    ['Postfix not installed', { postfixInstalled: false }, 'failed', 'postsuper-missing', false],
    ['another instance answers', { mismatch: 'postconf answers for /etc/postfix' }, 'failed', 'postsuper-mismatch', false],
  ];
  it.each(rows)('postsuperProblem: %s', (_name, over, kind, code, usage) => {
    const r = postsuperProblem(D, { ...ok, ...over });
    if (!kind) return expect(r).toBeNull();
    expect(kind in r!).toBe(true);
    const body = 'refused' in r! ? r.refused : r!.failed;
    expect(body.code).toBe(code);
    if ('failed' in r!) expect(r.failed.usage === true).toBe(usage);
  });

  const running = { target: maildrop, running: true, how: 'postfix -c /etc/postfix status: running', postsuper: false, configDir: '/etc/postfix', postsuperCommand: 'postsuper -c /etc/postfix -d ALL maildrop' };
  it.each([
    ['stopped', { running: false }, false],
    ['running, raw deletion', {}, true],
    ['running, through postsuper', { postsuper: true }, false],
    ['running, a directory elsewhere', { target: other }, false],
    ['running, inside a queue', { target: incomingSub, postsuperCommand: undefined }, true],
  ] as [string, Partial<typeof running>, boolean][])('runningPostfixRefusal: %s', (_name, over, refused) => {
    const r = runningPostfixRefusal(D, { ...running, ...over });
    expect(r !== null).toBe(refused);
    if (r) {
      expect(r.refused.reason).toContain('belongs to a running Postfix (postfix -c /etc/postfix status: running)');
      expect(r.refused.hint).toContain('Stop Postfix (postfix -c /etc/postfix stop) and rerun');
      expect(r.refused.hint?.includes('--postsuper')).toBe(over.target !== incomingSub);
    }
  });

  it.each([
    [false, true, true, false],
    [true, false, false, true],
    ['when-running', true, true, true],
    ['when-running', true, false, false],
    ['when-running', false, true, false],
  ] as [boolean | 'when-running', boolean, boolean, boolean][])('usePostsuper(%s, queue %s, running %s) = %s', (asked, isQueue, isRunning, expected) => {
    expect(usePostsuper(asked, isQueue, isRunning)).toBe(expected);
  });
});

describe('incidentInsideRefusal', () => {
  it('refuses only when the incident file would be deleted with DIR', () => {
    expect(incidentInsideRefusal(D, '/var/spool/postfix/maildrop/i.md', false)).toBeNull();
    const r = incidentInsideRefusal(D, '/var/spool/postfix/maildrop/i.md', true)!;
    expect(r.refused).toMatchObject({ code: 'incident-inside', reason: `${D} contains the incident file /var/spool/postfix/maildrop/i.md; nothing was changed` });
  });
});

describe('no reason names a command', () => {
  it('never says "spoolrescue"', () => {
    const all = [
      targetRefusal(D, { isSymlink: true, isDirectory: false, target: maildrop, anyDirectory: false }),
      flagsRefusal(D, { state: 'read', flags: 'i' }),
      accessRefusal(D, { mount: '/', readOnly: true, ownerUid: 0, euid: 0 }),
      runningPostfixRefusal(D, { target: maildrop, running: true, how: 'x', postsuper: false, configDir: '/etc/postfix' }),
    ];
    for (const r of all) expect(`${r!.refused.reason} ${r!.refused.hint ?? ''}`).not.toMatch(/spoolrescue/);
  });
});
