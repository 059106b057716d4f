import { catalogue } from '../i18n/speak.js';

// Why statfs gave no figures for a filesystem, one entry per code of StatfsProblem (statfs-problem.ts).
export const statfsProblemText = catalogue({
  en: {
    timedOut: ({ ms }: { ms: number }) => `no answer from statfs within ${ms} ms (server or daemon gone?)`,
    noAnswer: 'no answer',
    notAsked: 'not asked',
    cancelled: 'cancelled',
    helperNotStarted: ({ why }: { why: string }) => `cannot start the statfs helper (${why})`,
    helperEnded: ({ why }: { why: string }) => `statfs helper ended without an answer (${why})`,
    failed: ({ message }: { message: string }) => message,
  },
  ja: {
    timedOut: ({ ms }: { ms: number }) => `${ms} ms 以内に statfs の応答がありません（サーバかデーモンが止まっていませんか）`,
    noAnswer: '応答なし',
    notAsked: '問い合わせていません',
    cancelled: '中止しました',
    helperNotStarted: ({ why }: { why: string }) => `statfs ヘルパーを起動できません（${why}）`,
    helperEnded: ({ why }: { why: string }) => `statfs ヘルパーが応答せずに終了しました（${why}）`,
    failed: ({ message }: { message: string }) => message,
  },
});
