import { catalogue } from '../i18n/speak.js';
import { attrReasonText, type AttrReason } from './attr-reason.js';

// AttrReason the purge empties DIR the way it does: swap, in place, or Postfix's own postsuper (one
// entry per code of StrategyReason, see strategy.ts).
export const strategyText = catalogue({
  en: {
    postsuper: "--postsuper: Postfix's own postsuper -d ALL deletes the queue files",
    inPlaceAsked: '--in-place was given',
    mountPoint: 'DIR is a mount point: it cannot be renamed aside',
    mountsInside: ({ first, more }: { first: string; more: number }) =>
      `a filesystem or bind mount is mounted inside DIR (${first}${more > 0 ? ` and ${more} more` : ''}): swapping would carry it along; it is left alone, never entered`,
    noInode: 'no free inode for a new directory (swap needs one)',
    noBlock: 'no free block for a new directory (swap needs one)',
    swapNew: 'a new empty directory with the same owner, mode and label replaces DIR at once (the queue works again within a second)',
    swapOld: "the old directory is renamed aside and deleted afterwards; ext4's bloated directory goes away",
    xattrsUnknown: ({ why }: { why: AttrReason }) => `DIR's extended attributes (ACLs, SELinux label, user.*, trusted.*) cannot be read (${attrReasonText(why, 'en')}); in place keeps them whatever they are`,
    xattrsNotCopied: ({ names }: { names: string }) => `DIR has extended attributes (${names}) that cannot be copied onto a new directory (setfattr missing); in place keeps them`,
    labelNotWritten: 'SELinux is enabled but labels cannot be written here (setfattr missing); in place keeps the label',
    flagsUnknown: ({ why }: { why: AttrReason }) => `DIR's inode flags (chattr) cannot be read (${attrReasonText(why, 'en')}); in place keeps them whatever they are`,
    flagsNotSet: ({ flags }: { flags: string }) => `DIR has inode flags (${flags}) that cannot be set on a new directory (chattr missing); in place keeps them`,
  },
  ja: {
    postsuper: '--postsuper: Postfix 自身の postsuper -d ALL がキューファイルを削除します',
    inPlaceAsked: '--in-place が指定されました',
    mountPoint: 'DIR はマウントポイントです: 名前を変えて退避できません',
    mountsInside: ({ first, more }: { first: string; more: number }) =>
      `DIR の中にファイルシステムまたは bind マウントがあります (${first}${more > 0 ? ` ほか ${more} 個` : ''}): 入れ替えると一緒に移ってしまいます。そこには手を触れず、中にも入りません`,
    noInode: '新しいディレクトリに使える空き inode がありません（入れ替えには 1 つ必要です）',
    noBlock: '新しいディレクトリに使える空きブロックがありません（入れ替えには 1 つ必要です）',
    swapNew: '所有者・モード・ラベルが同じ空の新しいディレクトリがすぐに DIR と入れ替わります（1 秒以内にキューが再び動きます）',
    swapOld: '古いディレクトリは名前を変えて退避し、あとで削除します。ext4 の肥大したディレクトリもなくなります',
    xattrsUnknown: ({ why }: { why: AttrReason }) => `DIR の拡張属性 (ACL、SELinux ラベル、user.*、trusted.*) を読めません (${attrReasonText(why, 'ja')})。その場で削除すれば、それが何であれ保たれます`,
    xattrsNotCopied: ({ names }: { names: string }) => `DIR の拡張属性 (${names}) を新しいディレクトリにコピーできません (setfattr がありません)。その場で削除すれば保たれます`,
    labelNotWritten: 'SELinux が有効ですが、ここではラベルを書き込めません (setfattr がありません)。その場で削除すればラベルは保たれます',
    flagsUnknown: ({ why }: { why: AttrReason }) => `DIR の inode フラグ (chattr) を読めません (${attrReasonText(why, 'ja')})。その場で削除すれば、それが何であれ保たれます`,
    flagsNotSet: ({ flags }: { flags: string }) => `DIR の inode フラグ (${flags}) を新しいディレクトリに設定できません (chattr がありません)。その場で削除すれば保たれます`,
  },
});
