import { catalogue } from '../i18n/speak.js';
import { commandFailureText, type CommandFailure } from '../command-failure.js';
import { attrReasonText, type AttrReason } from '../purge/attr-reason.js';

// Why a follow-up command was not run or what failed, why an edit was not written and why a
// configuration file was not read (see
// apply-facts.ts): one entry per code, called with the fact.
export const applyFactsText = catalogue({
  en: {
    note: {
      notRunUnderRoot: ({ command }: { command: string }) => `not run: under --root the daemons running here are not the rescued system's; run it on that system: ${command}`,
      notRunNoPostfix: 'not run: Postfix is not installed here',
      notRunNotRunning: 'not run: this Postfix is not running; it reads the new settings when it starts',
      notRunNotInstalled: ({ program }: { program: string }) => `not run: ${program} is not installed; run it on that system`,
      failed: ({ failure }: { failure: CommandFailure }) => commandFailureText(failure, 'en'),
    },
    notRun: (why: string) => `not run: ${why}`,
    unsafe: {
      noMainCf: ({ dir }: { dir: string }) => `no main.cf in ${dir}`,
      postconfFailed: ({ failure }: { failure: CommandFailure | undefined }) => (failure ? commandFailureText(failure, 'en') : 'postconf failed'),
      queueOutsideRoot: ({ queue, root }: { queue: string; root: string }) => `its queue_directory ${queue} is outside --root ${root}: it could be the host's own Postfix`,
    },
    edit: {
      symlink: ({ path }: { path: string }) => `${path} is a symbolic link; edit the file it points to by hand`,
      notRegular: ({ path }: { path: string }) => `${path} is not a regular file`,
      notUtf8: ({ path }: { path: string }) => `${path} holds bytes that are not UTF-8; not rewritten (edit it by hand)`,
      changedSincePlan: ({ path }: { path: string }) => `${path} changed since the plan was made; nothing written (run prevent again)`,
      labelNotCopied: ({ path, why }: { path: string; why: AttrReason | undefined }) => `${path}: cannot copy the SELinux label: ${why === undefined ? 'unknown error' : attrReasonText(why, 'en')}`,
      failed: ({ message }: { message: string }) => message,
    },
    unread: {
      tooLarge: ({ path, size, limit }: { path: string; size: number; limit: number }) => `${path}: ${size} bytes, larger than the ${limit}-byte limit for a configuration file`,
      failed: ({ path, message }: { path: string; message: string }) => `${path}: ${message}`,
    },
  },
  ja: {
    note: {
      notRunUnderRoot: ({ command }: { command: string }) => `実行していません: --root ではここで動くデーモンは救出対象のシステムのものではありません。そのシステムで実行してください: ${command}`,
      notRunNoPostfix: '実行していません: ここには Postfix がインストールされていません',
      notRunNotRunning: '実行していません: この Postfix は停止中です。起動時に新しい設定を読みます',
      notRunNotInstalled: ({ program }: { program: string }) => `実行していません: ${program} はインストールされていません。そのシステムで実行してください`,
      failed: ({ failure }: { failure: CommandFailure }) => commandFailureText(failure, 'ja'),
    },
    notRun: (why: string) => `実行していません: ${why}`,
    unsafe: {
      noMainCf: ({ dir }: { dir: string }) => `${dir} に main.cf がありません`,
      postconfFailed: ({ failure }: { failure: CommandFailure | undefined }) => (failure ? commandFailureText(failure, 'ja') : 'postconf に失敗しました'),
      queueOutsideRoot: ({ queue, root }: { queue: string; root: string }) => `その queue_directory ${queue} は --root ${root} の外にあります: ホスト自身の Postfix かもしれません`,
    },
    edit: {
      symlink: ({ path }: { path: string }) => `${path} はシンボリックリンクです。リンク先のファイルを手で編集してください`,
      notRegular: ({ path }: { path: string }) => `${path} は通常のファイルではありません`,
      notUtf8: ({ path }: { path: string }) => `${path} に UTF-8 でないバイトがあります。書き換えていません（手で編集してください）`,
      changedSincePlan: ({ path }: { path: string }) => `${path} は手順を作った後に変わりました。何も書き込んでいません（prevent をもう一度実行してください）`,
      labelNotCopied: ({ path, why }: { path: string; why: AttrReason | undefined }) => `${path}: SELinux ラベルをコピーできません: ${why === undefined ? '不明なエラー' : attrReasonText(why, 'ja')}`,
      failed: ({ message }: { message: string }) => message,
    },
    unread: {
      tooLarge: ({ path, size, limit }: { path: string; size: number; limit: number }) => `${path}: ${size} バイトで、設定ファイルの上限 ${limit} バイトを超えています`,
      failed: ({ path, message }: { path: string; message: string }) => `${path}: ${message}`,
    },
  },
});
