import { catalogue } from '../../core/i18n/speak.js';

// Why the queue readers stopped, and the problems a reader finds in a queue file.
export const queueIoText = catalogue({
  en: {
    readerFailed: (why: string) => `a queue reader thread failed: ${why}`,
    readerStopped: (code: number) => `a queue reader thread stopped unexpectedly (exit ${code})`,
    reading: {
      tooManyReads: (max: number) => `the envelope needs more than ${max} reads; reading stopped`,
      noSender: 'no sender record',
    },
  },
  ja: {
    readerFailed: (why: string) => `キューを読むスレッドが失敗しました: ${why}`,
    readerStopped: (code: number) => `キューを読むスレッドが予期せず終了しました（exit ${code}）`,
    reading: {
      tooManyReads: (max: number) => `エンベロープを読むのに ${max} 回を超える読み込みが必要です。読むのをやめました`,
      noSender: '送信者のレコードがありません',
    },
  },
});
