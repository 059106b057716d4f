import { catalogue } from '../i18n/speak.js';

const entryErrorsEn = {
  vanished: 'vanished while listing',
  denied: 'permission denied',
  tooLong: 'path too long',
  io: 'I/O error',
  lstatFailed: (code: string) => (code ? `lstat failed (${code})` : 'lstat failed'),
  lossyName: 'name is not valid UTF-8 and the directory changed while it was read: exact bytes unknown',
  deletedWhileRead: (afterEntries: number) => `the directory was deleted while it was being read (after ${afterEntries} entries)`,
  readFailed: (afterEntries: number, message: string) => `reading the directory failed after ${afterEntries} entries: ${message || 'unknown error'}`,
};

// Why an entry has no figures or a directory was read only in part: in the run's language on
// screens; `ls --json`'s `error` and `incomplete` say the English whatever the operator's language.
/** @internal the words of a read stop: readStopText in entry.ts */
export const listingErrorsText = catalogue({
  en: entryErrorsEn,
  ja: {
    vanished: '一覧の作成中に消えました',
    denied: 'アクセスが拒否されました',
    tooLong: 'パスが長すぎます',
    io: 'I/O エラー',
    lstatFailed: (code: string) => (code ? `lstat に失敗しました（${code}）` : 'lstat に失敗しました'),
    lossyName: '名前が UTF-8 として正しくなく、読んでいる間にディレクトリが変わりました: 正確なバイト列は不明です',
    deletedWhileRead: (afterEntries: number) => `読み取り中にディレクトリが削除されました（${afterEntries} エントリの後）`,
    readFailed: (afterEntries: number, message: string) => `${afterEntries} エントリの後でディレクトリの読み取りに失敗しました: ${message || '不明なエラー'}`,
  },
});

// The words in English: what `ls --json` says whatever the operator's language.
export const listingErrorsInEnglish = (): typeof entryErrorsEn => listingErrorsText('en');

// The words in the run's language: what screens and the human listing say.
export const listingErrorsSaid = (): typeof entryErrorsEn => listingErrorsText();

// What the human listing says around its entries.
export const listingText = catalogue({
  en: {
    unsorted: '  (directory order, not sorted)',
    followed: (link: string, target: string) => `(followed the symbolic link ${link} -> ${target})`,
    none: '  (none)',
    empty: '(empty directory)',
    more: (n: string) => `more entries follow; the first ${n} are shown (--limit N, --count)`,
    countedBeforeStop: (n: string) => `${n} entries counted before the scan stopped`,
    counted: (n: string) => `${n} entries`,
    oldest: (n: number) => `oldest ${n} by modification time:`,
    newest: (n: number) => `newest ${n} by modification time:`,
    shortened: (n: number) => `${n} long name(s) shortened in the middle to fit; --json has them in full`,
  },
  ja: {
    unsorted: '  （ディレクトリ順、並べ替えなし）',
    followed: (link: string, target: string) => `（シンボリックリンク ${link} -> ${target} をたどりました）`,
    none: '  （なし）',
    empty: '（空のディレクトリ）',
    more: (n: string) => `続きがあります。最初の ${n} 件を表示しています（--limit N、--count）`,
    countedBeforeStop: (n: string) => `スキャンが止まるまでに ${n} エントリを数えました`,
    counted: (n: string) => `${n} エントリ`,
    oldest: (n: number) => `更新日時が古い順に ${n} 件:`,
    newest: (n: number) => `更新日時が新しい順に ${n} 件:`,
    shortened: (n: number) => `長い名前 ${n} 件を中央で省略しました。--json では省略しません`,
  },
});
