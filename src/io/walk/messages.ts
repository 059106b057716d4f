import { catalogue } from '../../core/i18n/speak.js';

// Why a walk stopped removing (why it skipped a directory is a fact: src/core/purge/walk-skip.ts). These go into the purge report's JSON
// (skipped, stoppedBecause), which does not change with the language, so the code records them in
// English (`walkDataText`); both languages are kept here side by side.
/** @internal unit-tested on its own: test/core/i18n/catalogues.test.ts */
export const walkIoText = catalogue({
  en: {
    deleted: (dir: string) => `ENOENT: directory deleted while it was being read, ${dir}`,
    failedInARow: (n: number, last: string | undefined) => `${n} removals failed in a row, the last: ${last}`,
    readFailed: (why: string) => `reading the directory failed: ${why}`,
  },
  ja: {
    deleted: (dir: string) => `ENOENT: 読んでいる間にディレクトリが削除されました、${dir}`,
    failedInARow: (n: number, last: string | undefined) => `${n} 件の削除が続けて失敗しました。最後: ${last}`,
    readFailed: (why: string) => `ディレクトリの読み取りに失敗しました: ${why}`,
  },
});

// The walk's reasons in English, as the purge report's JSON records them.
export const walkDataText = () => walkIoText('en');
