import { catalogue } from '../../core/i18n/speak.js';

// What the effect runner says when a task is stopped or has no handler (the reasons a port may show).
export const runnerText = catalogue({
  en: {
    stoppedByOperator: 'stopped by the operator',
    nothingPerforms: (kind: string) => `nothing performs ${kind}`,
    walkEnded: 'the walk ended',
  },
  ja: {
    stoppedByOperator: 'オペレーターが中断',
    nothingPerforms: (kind: string) => `${kind} を実行する処理がありません`,
    walkEnded: 'ウォークが終了',
  },
});
