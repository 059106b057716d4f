import { catalogue } from '../../core/i18n/speak.js';

// What emptying a directory says about how it went: why the swap for a fresh directory was not
// possible, what could not be copied, what verification found. These go into the purge report's
// JSON (fallback, differences), which does not change with the language, so the code records them
// in English (`purgeDataText`); both languages are kept here side by side.
/** @internal unit-tested on its own: test/core/i18n/catalogues.test.ts */
export const purgeIoText = catalogue({
  en: {
    xattrsUnknown: (why: string) => `DIR's extended attributes cannot be read (${why}), so a new directory could lose them`,
    flagsUnknown: (why: string) => `DIR's inode flags cannot be read (${why}), so a new directory could lose them`,
    cannotCreate: (path: string, why: string) => `cannot create ${path}: ${why}`,
    notTaken: (diff: string) => `the new directory did not take DIR's attributes: ${diff}`,
    cannotRenameAside: (dir: string, why: string) => `cannot rename ${dir} aside: ${why}`,
    changedWhileSwapped: (dir: string) => `${dir} changed while it was being swapped (not the snapshotted directory); put back`,
    cannotRenameNew: (why: string, dir: string) => `cannot rename the new directory into place: ${why}; ${dir} put back`,
    asideUnknown: "the set-aside copy's attributes cannot be read, so a new directory could lose them",
    notTakenRestore: (diff: string) => `the new directory did not take the attributes: ${diff}`,
    cannotRenameIntoPlace: (path: string, why: string) => `cannot rename ${path} into place: ${why}`,
    xattrsUnreadable: (name: string) => `copying the extended attributes: they cannot be read on ${name}`,
    xattrsNotCopied: (why: string | undefined) => `copying the extended attributes (ACLs, SELinux label): ${why}`,
    flagsNotCopied: (why: string | undefined) => `copying the inode flags: ${why}`,
  },
  ja: {
    xattrsUnknown: (why: string) => `DIR の拡張属性を読めません（${why}）。新しいディレクトリでは失われるおそれがあります`,
    flagsUnknown: (why: string) => `DIR の inode フラグを読めません（${why}）。新しいディレクトリでは失われるおそれがあります`,
    cannotCreate: (path: string, why: string) => `${path} を作成できません: ${why}`,
    notTaken: (diff: string) => `新しいディレクトリに DIR の属性が付きませんでした: ${diff}`,
    cannotRenameAside: (dir: string, why: string) => `${dir} を退避の名前に変更できません: ${why}`,
    changedWhileSwapped: (dir: string) => `${dir} は入れ替えの最中に変わりました（スナップショットのディレクトリではありません）。元に戻しました`,
    cannotRenameNew: (why: string, dir: string) => `新しいディレクトリを元の場所に置けません: ${why}。${dir} を元に戻しました`,
    asideUnknown: '退避したコピーの属性を読めません。新しいディレクトリでは失われるおそれがあります',
    notTakenRestore: (diff: string) => `新しいディレクトリに属性が付きませんでした: ${diff}`,
    cannotRenameIntoPlace: (path: string, why: string) => `${path} を元の場所に置けません: ${why}`,
    xattrsUnreadable: (name: string) => `拡張属性のコピー: ${name} では読めません`,
    xattrsNotCopied: (why: string | undefined) => `拡張属性（ACL、SELinux ラベル）のコピー: ${why}`,
    flagsNotCopied: (why: string | undefined) => `inode フラグのコピー: ${why}`,
  },
});

// The purge facts in English, as the report's JSON records them.
export const purgeDataText = () => purgeIoText('en');
