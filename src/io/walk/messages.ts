import { catalogue } from '../../core/i18n/speak.js';

// Why a walk skipped a directory or stopped removing. These go into the purge report's JSON
// (skipped, stoppedBecause), which does not change with the language, so the code records them in
// English (`walkDataText`); both languages are kept here side by side.
/** @internal unit-tested on its own: test/core/i18n/catalogues.test.ts */
export const walkIoText = catalogue({
  en: {
    symlinkOrNotDir: 'is a symlink or not a directory (not followed)',
    cannotOpen: (why: string) => `cannot be opened (${why})`,
    changed: 'is not the directory that was checked (it changed just before it was opened; not followed)',
    mountPoint: 'a mount point (another filesystem or a bind mount); not entered, left as it is',
    vanished: (code: string | undefined) => `vanished before it was entered (${code})`,
    cannotRead: (why: string) => `cannot be read (${why})`,
    deleted: (dir: string) => `ENOENT: directory deleted while it was being read, ${dir}`,
    failedInARow: (n: number, last: string | undefined) => `${n} removals failed in a row, the last: ${last}`,
    readFailed: (why: string) => `reading the directory failed: ${why}`,
  },
  ja: {
    symlinkOrNotDir: 'シンボリックリンクかディレクトリ以外です（たどりません）',
    cannotOpen: (why: string) => `開けません（${why}）`,
    changed: '確認したディレクトリではありません（開く直前に変わりました。たどりません）',
    mountPoint: 'マウントポイントです（別のファイルシステムかバインドマウント）。中に入らず、そのままにしました',
    vanished: (code: string | undefined) => `中に入る前に消えました（${code}）`,
    cannotRead: (why: string) => `読めません（${why}）`,
    deleted: (dir: string) => `ENOENT: 読んでいる間にディレクトリが削除されました、${dir}`,
    failedInARow: (n: number, last: string | undefined) => `${n} 件の削除が続けて失敗しました。最後: ${last}`,
    readFailed: (why: string) => `ディレクトリの読み取りに失敗しました: ${why}`,
  },
});

// The walk's reasons in English, as the purge report's JSON records them.
export const walkDataText = () => walkIoText.messages.en;
