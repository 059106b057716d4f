import { catalogue } from '../../core/i18n/speak.js';

// What applying prevention says: the closing section of the incident file (in the run's language),
// and why a command was not run, an edit not written or a configuration file not read. Those
// reasons go into prevent's JSON (applied, unreadable), which does not change with the language,
// so the code records them in English (`preventDataText`); both languages are kept side by side.
export const preventIoText = catalogue({
  en: {
    changesHeading: 'Changes made by this run',
    closingTitle: 'closing: timeline and prevention',
    closingFixed: (fixed: string, open: number) => `fixed ${fixed}; ${open} finding(s) still open`,
    closingOpen: (open: number) => `${open} finding(s) open`,
    shaOfText: 'the text below this table',
    noMainCf: (dir: string) => `no main.cf in ${dir}`,
    postconfFailed: 'postconf failed',
    queueOutsideRoot: (queue: string, root: string) => `its queue_directory ${queue} is outside --root ${root}: it could be the host's own Postfix`,
    notRunUnderRoot: (command: string) => `not run: under --root the daemons running here are not the rescued system's; run it on that system: ${command}`,
    notRun: (why: string) => `not run: ${why}`,
    notRunNoPostfix: 'not run: Postfix is not installed here',
    notRunNotRunning: 'not run: this Postfix is not running; it reads the new settings when it starts',
    notRunNotInstalled: (program: string) => `not run: ${program} is not installed; run it on that system`,
    symlink: (path: string) => `${path} is a symbolic link; edit the file it points to by hand`,
    notRegular: (path: string) => `${path} is not a regular file`,
    notUtf8: (path: string) => `${path} holds bytes that are not UTF-8; not rewritten (edit it by hand)`,
    changedSincePlan: (path: string) => `${path} changed since the plan was made; nothing written (run prevent again)`,
    labelNotCopied: (why: string | undefined) => `cannot copy the SELinux label: ${why ?? 'unknown error'}`,
    tooLarge: (path: string, size: number, limit: number) => `${path}: ${size} bytes, larger than the ${limit}-byte limit for a configuration file`,
  },
  ja: {
    changesHeading: 'この実行で行った変更',
    closingTitle: 'まとめ: 経過と再発防止',
    closingFixed: (fixed: string, open: number) => `${fixed} を修正しました。未対応の指摘が ${open} 件あります`,
    closingOpen: (open: number) => `未対応の指摘 ${open} 件`,
    shaOfText: 'この表の下の本文',
    noMainCf: (dir: string) => `${dir} に main.cf がありません`,
    postconfFailed: 'postconf に失敗しました',
    queueOutsideRoot: (queue: string, root: string) => `その queue_directory ${queue} は --root ${root} の外にあります: ホスト自身の Postfix かもしれません`,
    notRunUnderRoot: (command: string) => `実行していません: --root ではここで動くデーモンは救出対象のシステムのものではありません。そのシステムで実行してください: ${command}`,
    notRun: (why: string) => `実行していません: ${why}`,
    notRunNoPostfix: '実行していません: ここには Postfix がインストールされていません',
    notRunNotRunning: '実行していません: この Postfix は停止中です。起動時に新しい設定を読みます',
    notRunNotInstalled: (program: string) => `実行していません: ${program} はインストールされていません。そのシステムで実行してください`,
    symlink: (path: string) => `${path} はシンボリックリンクです。リンク先のファイルを手で編集してください`,
    notRegular: (path: string) => `${path} は通常のファイルではありません`,
    notUtf8: (path: string) => `${path} に UTF-8 でないバイトがあります。書き換えていません（手で編集してください）`,
    changedSincePlan: (path: string) => `${path} は手順を作った後に変わりました。何も書き込んでいません（prevent をもう一度実行してください）`,
    labelNotCopied: (why: string | undefined) => `SELinux ラベルをコピーできません: ${why ?? '不明なエラー'}`,
    tooLarge: (path: string, size: number, limit: number) => `${path}: ${size} バイトで、設定ファイルの上限 ${limit} バイトを超えています`,
  },
});

// The reasons in English, as prevent's JSON records them.
export const preventDataText = () => preventIoText('en');
