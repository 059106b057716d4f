import { catalogue } from '../i18n/speak.js';
import { commandFailureText, type CommandFailure } from '../command-failure.js';

// What a capture says about what it found (capture-facts.ts): why a file is shown raw, why a
// queue file could not be decoded, and how envelopes were decoded; one entry per code.
export const captureFactsText = catalogue({
  en: {
    raw: {
      notMboxNorLog: 'neither an mbox (no "From " line at the start) nor a log (no time stamp at the start)',
      emptySpool: 'the spool is empty (0 bytes)',
      noSeparator: 'no "From " separator anywhere: not an mbox',
    },
    queueFile: {
      cannotOpen: ({ why }: { why: string }) => `cannot open: ${why} (it may have been delivered meanwhile)`,
      notQueueFile: 'postcat: not a queue file (e.g. a bounce or defer log)',
      postcatFailed: ({ why }: { why: CommandFailure | undefined }) => (why ? commandFailureText(why, 'en') : 'postcat failed'),
    },
    decoder: {
      postcat: ({ configDir }: { configDir: string | undefined }) => `postcat${configDir ? ` -c ${configDir}` : ''}`,
      nativeNoPostcat: 'native record decoder (postcat is not installed)',
      native: 'native record decoder',
    },
  },
  ja: {
    raw: {
      notMboxNorLog: 'mbox（先頭に "From " 行がない）でもログ（先頭に時刻がない）でもありません',
      emptySpool: 'スプールは空です（0 バイト）',
      noSeparator: '"From " 区切り行がどこにもありません: mbox ではありません',
    },
    queueFile: {
      cannotOpen: ({ why }: { why: string }) => `開けません: ${why}（その間に配送された可能性があります）`,
      notQueueFile: 'postcat: キューファイルではありません（bounce や defer のログなど）',
      postcatFailed: ({ why }: { why: CommandFailure | undefined }) => (why ? commandFailureText(why, 'ja') : 'postcat に失敗しました'),
    },
    decoder: {
      postcat: ({ configDir }: { configDir: string | undefined }) => `postcat${configDir ? ` -c ${configDir}` : ''}`,
      nativeNoPostcat: '内蔵のレコードデコーダ（postcat はインストールされていません）',
      native: '内蔵のレコードデコーダ',
    },
  },
});
