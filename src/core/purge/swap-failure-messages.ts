import { catalogue } from '../i18n/speak.js';
import { attrReasonText, type AttrReason } from './attr-reason.js';

// AttrReason the swap for a fresh directory was not possible and what could not be copied onto it (see
// swap-failure.ts): `facts` and `apply` hold one entry per code, called with the fact.
export const swapFailureText = catalogue({
  en: {
    facts: {
      xattrsUnknown: ({ why }: { why: AttrReason }) => `DIR's extended attributes cannot be read (${attrReasonText(why, 'en')}), so a new directory could lose them`,
      flagsUnknown: ({ why }: { why: AttrReason }) => `DIR's inode flags cannot be read (${attrReasonText(why, 'en')}), so a new directory could lose them`,
      cannotCreate: ({ path, why }: { path: string; why: string }) => `cannot create ${path}: ${why}`,
      cannotRenameAside: ({ path, why }: { path: string; why: string }) => `cannot rename ${path} aside: ${why}`,
      changedWhileSwapped: ({ dir }: { dir: string }) => `${dir} changed while it was being swapped (not the snapshotted directory); put back`,
      cannotRenameNew: ({ why, dir }: { why: string; dir: string }) => `cannot rename the new directory into place: ${why}; ${dir} put back`,
      asideUnknown: "the set-aside copy's attributes cannot be read, so a new directory could lose them",
      cannotRenameIntoPlace: ({ path, why }: { path: string; why: string }) => `cannot rename ${path} into place: ${why}`,
    },
    notTaken: (differences: string) => `the new directory did not take DIR's attributes: ${differences}`,
    notTakenRestore: (differences: string) => `the new directory did not take the attributes: ${differences}`,
    apply: {
      stepFailed: ({ step, name, why }: { step: string; name: string; why: string }) => `${step} ${name}: ${why}`,
      xattrsUnreadable: ({ name }: { name: string }) => `copying the extended attributes: they cannot be read on ${name}`,
      xattrsNotCopied: ({ why }: { why: AttrReason | undefined }) => `copying the extended attributes (ACLs, SELinux label): ${why && attrReasonText(why, 'en')}`,
      flagsNotCopied: ({ why }: { why: AttrReason | undefined }) => `copying the inode flags: ${why && attrReasonText(why, 'en')}`,
    },
  },
  ja: {
    facts: {
      xattrsUnknown: ({ why }: { why: AttrReason }) => `DIR の拡張属性を読めません（${attrReasonText(why, 'ja')}）。新しいディレクトリでは失われるおそれがあります`,
      flagsUnknown: ({ why }: { why: AttrReason }) => `DIR の inode フラグを読めません（${attrReasonText(why, 'ja')}）。新しいディレクトリでは失われるおそれがあります`,
      cannotCreate: ({ path, why }: { path: string; why: string }) => `${path} を作成できません: ${why}`,
      cannotRenameAside: ({ path, why }: { path: string; why: string }) => `${path} を退避の名前に変更できません: ${why}`,
      changedWhileSwapped: ({ dir }: { dir: string }) => `${dir} は入れ替えの最中に変わりました（スナップショットのディレクトリではありません）。元に戻しました`,
      cannotRenameNew: ({ why, dir }: { why: string; dir: string }) => `新しいディレクトリを元の場所に置けません: ${why}。${dir} を元に戻しました`,
      asideUnknown: '退避したコピーの属性を読めません。新しいディレクトリでは失われるおそれがあります',
      cannotRenameIntoPlace: ({ path, why }: { path: string; why: string }) => `${path} を元の場所に置けません: ${why}`,
    },
    notTaken: (differences: string) => `新しいディレクトリに DIR の属性が付きませんでした: ${differences}`,
    notTakenRestore: (differences: string) => `新しいディレクトリに属性が付きませんでした: ${differences}`,
    apply: {
      stepFailed: ({ step, name, why }: { step: string; name: string; why: string }) => `${name} の ${step}: ${why}`,
      xattrsUnreadable: ({ name }: { name: string }) => `拡張属性のコピー: ${name} では読めません`,
      xattrsNotCopied: ({ why }: { why: AttrReason | undefined }) => `拡張属性（ACL、SELinux ラベル）のコピー: ${why && attrReasonText(why, 'ja')}`,
      flagsNotCopied: ({ why }: { why: AttrReason | undefined }) => `inode フラグのコピー: ${why && attrReasonText(why, 'ja')}`,
    },
  },
});
