import { afterEach, describe, expect, it } from 'vitest';
import { speak } from '../../src/core/i18n/speak.js';
import { queueFailureText, type QueueFailure } from '../../src/ops/queue-failure.js';

afterEach(() => speak('en'));

// A queue action's failures are facts: Japanese on a Japanese screen, and --json keeps the English
// lines it has always carried (the system's own message inside is left as the system wrote it).
describe('queueFailureText', () => {
  const notRemoved: QueueFailure = { code: 'not-removed', path: '/q/deferred/A/A1B2C3', error: 'EACCES: permission denied' };
  const more: QueueFailure = { code: 'more-not-removed', count: 7 };
  const check: QueueFailure = { code: 'check-failed', output: '', exitCode: 1 };
  const checkSaid: QueueFailure = { code: 'check-failed', output: 'postfix/postfix-script: warning: not owned by postfix', exitCode: 1 };
  const postsuper: QueueFailure = { code: 'exit', command: 'postsuper -d - deferred', exitCode: 2, detail: 'postsuper: fatal: usage' };

  it('writes --json lines in English, word for word as before, on a Japanese run', () => {
    speak('ja');
    expect([notRemoved, more, check, checkSaid, postsuper].map((f) => queueFailureText(f, 'en'))).toEqual([
      '/q/deferred/A/A1B2C3: EACCES: permission denied',
      'and 7 more',
      'postfix check: exit 1',
      'postfix check: postfix/postfix-script: warning: not owned by postfix',
      'postsuper -d - deferred: exit 2 (postsuper: fatal: usage)',
    ]);
  });

  it('words them in the run language on screens', () => {
    speak('ja');
    expect(queueFailureText(more)).toBe('ほか 7 件');
    expect(queueFailureText(check)).toBe('postfix check: 終了コード 1');
    expect(queueFailureText(postsuper)).toBe('postsuper -d - deferred: 終了コード 2（postsuper: fatal: usage）');
    for (const f of [more, check, postsuper]) expect(queueFailureText(f)).not.toMatch(/\bexit\b|\bmore\b/);
    speak('en');
    expect(queueFailureText(more)).toBe('and 7 more');
  });
});
