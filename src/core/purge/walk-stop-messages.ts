import { catalogue } from '../i18n/speak.js';
import { commandFailureText, type CommandFailure } from '../command-failure.js';

// Why a deletion stopped before the end, one entry per code of WalkStop (walk-stop.ts).
export const walkStopText = catalogue({
  en: {
    failedInARow: ({ count, last }: { count: number; last: string | undefined }) => `${count} removals failed in a row, the last: ${last}`,
    readFailed: ({ why }: { why: string }) => `reading the directory failed: ${why}`,
    dirDeleted: ({ dir }: { dir: string }) => `reading the directory failed: ENOENT: directory deleted while it was being read, ${dir}`,
    postsuperFailed: ({ why }: { why: CommandFailure | undefined }) => (why ? commandFailureText(why, 'en') : 'postsuper failed'),
  },
  ja: {
    failedInARow: ({ count, last }: { count: number; last: string | undefined }) => `${count} 件の削除が続けて失敗しました。最後: ${last}`,
    readFailed: ({ why }: { why: string }) => `ディレクトリの読み取りに失敗しました: ${why}`,
    dirDeleted: ({ dir }: { dir: string }) => `ディレクトリの読み取りに失敗しました: 読んでいる間に ${dir} が削除されました`,
    postsuperFailed: ({ why }: { why: CommandFailure | undefined }) => (why ? commandFailureText(why, 'ja') : 'postsuper が失敗しました'),
  },
});
