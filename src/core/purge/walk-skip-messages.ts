import { catalogue } from '../i18n/speak.js';

// Why a walk did not enter a directory, in words: one entry per code of WalkSkip (see walk-skip.ts).
export const walkSkipText = catalogue({
  en: {
    symlinkOrNotDir: 'is a symlink or not a directory (not followed)',
    cannotOpen: ({ why }: { why: string }) => `cannot be opened (${why})`,
    changed: 'is not the directory that was checked (it changed just before it was opened; not followed)',
    mountPoint: 'a mount point (another filesystem or a bind mount); not entered, left as it is',
    vanished: ({ errno }: { errno: string | undefined }) => `vanished before it was entered (${errno})`,
    cannotRead: ({ why }: { why: string }) => `cannot be read (${why})`,
  },
  ja: {
    symlinkOrNotDir: 'シンボリックリンクかディレクトリ以外です（たどりません）',
    cannotOpen: ({ why }: { why: string }) => `開けません（${why}）`,
    changed: '確認したディレクトリではありません（開く直前に変わりました。たどりません）',
    mountPoint: 'マウントポイントです（別のファイルシステムかバインドマウント）。中に入らず、そのままにしました',
    vanished: ({ errno }: { errno: string | undefined }) => `中に入る前に消えました（${errno}）`,
    cannotRead: ({ why }: { why: string }) => `読めません（${why}）`,
  },
});
