import { afterEach, describe, expect, it } from 'vitest';
import { speak } from '../../src/core/i18n/speak.js';
import { decoderWords, queueFileProblemWords, rawReasonWords } from '../../src/core/incident/capture-facts.js';

afterEach(() => speak('en'));

// What a capture found is worded when shown: Japanese on a Japanese run, English when --json asks.
describe('capture facts in words', () => {
  it.each([
    [() => queueFileProblemWords({ code: 'cannot-open', why: 'ENOENT' }), 'cannot open: ENOENT (it may have been delivered meanwhile)', '開けません: ENOENT（その間に配送された可能性があります）'],
    [() => queueFileProblemWords({ code: 'not-queue-file' }), 'postcat: not a queue file (e.g. a bounce or defer log)', 'postcat: キューファイルではありません（bounce や defer のログなど）'],
    [() => queueFileProblemWords({ code: 'postcat-failed', why: undefined }), 'postcat failed', 'postcat に失敗しました'],
    [() => decoderWords({ code: 'native-no-postcat' }), 'native record decoder (postcat is not installed)', '内蔵のレコードデコーダ（postcat はインストールされていません）'],
    [() => rawReasonWords({ code: 'empty-spool' }), 'the spool is empty (0 bytes)', 'スプールは空です（0 バイト）'],
  ])('%#: English by default, Japanese on a Japanese run', (words, en, ja) => {
    expect(words()).toBe(en);
    speak('ja');
    expect(words()).toBe(ja);
  });

  it('keeps the figures that are not words as they are', () => {
    speak('ja');
    expect(decoderWords({ code: 'postcat', configDir: '/etc/postfix' })).toBe('postcat -c /etc/postfix');
    const why = { code: 'exit' as const, command: 'postcat -q ABC', exitCode: 1 };
    expect(queueFileProblemWords({ code: 'postcat-failed', why }, 'en')).toBe('postcat -q ABC: exit 1');
    expect(queueFileProblemWords({ code: 'postcat-failed', why })).toBe('postcat -q ABC: 終了コード 1');
  });
});
