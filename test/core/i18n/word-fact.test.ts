import { afterEach, describe, expect, it } from 'vitest';
import { speak } from '../../../src/core/i18n/speak.js';
import { wordFact, type FactWords } from '../../../src/core/i18n/word-fact.js';
import { checkSkipText } from '../../../src/core/postfix/check-skip-messages.js';
import { checkSkipWords, type CheckSkip } from '../../../src/core/postfix/check-skip.js';
import { checkJson, checkSkipped } from '../../../src/core/purge/result.js';
import { envelopeProblemWords } from '../../../src/core/queue/envelope-problems.js';
import { queueWarningsJson, queueWarningWords } from '../../../src/ops/queue-warnings.js';

afterEach(() => speak('en'));

describe('wordFact', () => {
  const otherQueue: CheckSkip = { code: 'other-queue', seen: '/var/spool/postfix', queue: '/mnt/x/var/spool/postfix' };

  it('words a fact with the entry named after its code, called with the fact (figures included)', () => {
    expect(wordFact(checkSkipText('en'), otherQueue)).toBe('Postfix here would work on /var/spool/postfix, not /mnt/x/var/spool/postfix (a --root system)');
    expect(wordFact(checkSkipText('ja'), otherQueue)).toBe('ここの Postfix は /mnt/x/var/spool/postfix ではなく /var/spool/postfix を操作します（--root のシステム）');
    expect(wordFact<CheckSkip>(checkSkipText('en'), { code: 'not-installed' })).toBe('Postfix is not installed on this host');
  });

  it('speaks the run language unless one is named', () => {
    const fact: CheckSkip = { code: 'no-main-cf', configDir: '/etc/postfix' };
    expect(checkSkipWords(fact)).toBe('/etc/postfix/main.cf does not exist');
    speak('ja');
    expect(checkSkipWords(fact)).toBe('/etc/postfix/main.cf がありません');
    expect(checkSkipWords(fact, 'en')).toBe('/etc/postfix/main.cf does not exist');
    expect(envelopeProblemWords({ code: 'record-past-end', figures: [12, 300] })).toBe('オフセット 12: 300 バイトのレコードがファイル末尾を越えています（途中で切断）');
    expect(queueWarningWords({ code: 'already-gone', files: 3 })).toBe('選択したファイルのうち 3 個はすでにありませんでした');
  });

  it('keeps --json in English on a Japanese run', () => {
    speak('ja');
    expect(checkJson(checkSkipped({ code: 'no-main-cf', configDir: '/etc/postfix' }))).toEqual({ ran: false, skipped: '/etc/postfix/main.cf does not exist', output: '', logLines: [] });
    expect(queueWarningsJson([{ code: 'postsuper-logged', lines: 40 }])).toEqual(['postsuper logged about 40 "removed" lines to the mail log']);
  });

  it('does not compile with a catalogue that has no entry for a code', () => {
    type Skip = { code: 'gone' } | { code: 'cannot-read'; why: string };
    const words = { gone: 'gone', cannotRead: ({ why }: { why: string }) => `cannot read (${why})` };
    expect(wordFact<Skip>(words, { code: 'cannot-read', why: 'EIO' })).toBe('cannot read (EIO)');
    const { cannotRead: _dropped, ...lacking } = words;
    // @ts-expect-error a code without wording is a compile error
    const incomplete: FactWords<Skip> = lacking;
    expect(Object.keys(incomplete)).toEqual(['gone']);
  });
});
