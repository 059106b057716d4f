import { catalogue } from '../../core/i18n/speak.js';

// Why the queue readers stopped.
export const queueIoText = catalogue({
  en: {
    readerFailed: (why: string) => `a queue reader thread failed: ${why}`,
    readerStopped: (code: number) => `a queue reader thread stopped unexpectedly (exit ${code})`,
  },
  ja: {
    readerFailed: (why: string) => `キューを読むスレッドが失敗しました: ${why}`,
    readerStopped: (code: number) => `キューを読むスレッドが予期せず終了しました（exit ${code}）`,
  },
});
