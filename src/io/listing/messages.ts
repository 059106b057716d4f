import { catalogue } from '../../core/i18n/speak.js';
import type { EntryKind } from '../../core/listing/entry.js';

// What checking a directory to list says: what a path is, why it cannot be listed, and where a
// symbolic link that was not followed points.
export const listingIoText = catalogue({
  en: {
    kind: {
      file: 'a regular file',
      dir: 'a directory',
      symlink: 'a symbolic link',
      fifo: 'a named pipe (FIFO)',
      socket: 'a socket',
      char: 'a character device',
      block: 'a block device',
      unknown: 'not a directory',
    } satisfies Record<EntryKind, string>,
    dangling: 'missing: the link is dangling',
    notAccessible: 'not accessible',
    noSuchPath: (where: string, shown: string) => `${where}: ${shown}: no such file or directory`,
    underRoot: (root: string) => `Paths are looked up under --root ${root}.`,
    denied: (where: string, shown: string) => `${where}: cannot read ${shown}: permission denied`,
    deniedHint: 'Run as root (or as the owner of the directory) to look inside it.',
    componentNotDir: (where: string, shown: string) => `${where}: ${shown}: a component of the path is not a directory`,
    tooManyLinks: (where: string, shown: string) => `${where}: ${shown}: too many levels of symbolic links`,
    cannotRead: (where: string, shown: string, why: string) => `${where}: cannot read ${shown}: ${why}`,
    notADirectory: (where: string, shown: string, kind: string, size: number | undefined, via: string | undefined) =>
      `${where}: ${shown} is ${kind}${size === undefined ? '' : ` of ${size} bytes`}, not a directory${via ? ` (reached through the symbolic link ${via})` : ''}`,
    fileHint: "ls looks inside directories; for a mailbox file see 'spoolrescue capture --help'.",
    notDirHint: 'ls looks inside directories only.',
    symlinkNotFollowed: (where: string, shown: string, target: string, resolved: string | undefined, what: string) =>
      `${where}: ${shown} is a symbolic link to ${target}${resolved ? ` (${resolved})` : ''}, ${what}; not followed`,
    lookAtTarget: (command: string) => `Look inside the target with ${command}   (or add --follow)`,
    stoppedAfter: (seen: number, why: string) => `stopped after ${seen} entries: ${why}`,
  },
  ja: {
    kind: {
      file: '通常のファイル',
      dir: 'ディレクトリ',
      symlink: 'シンボリックリンク',
      fifo: '名前付きパイプ（FIFO）',
      socket: 'ソケット',
      char: 'キャラクタデバイス',
      block: 'ブロックデバイス',
      unknown: 'ディレクトリ以外',
    },
    dangling: 'ありません（リンク先が存在しません）',
    notAccessible: 'アクセスできません',
    noSuchPath: (where: string, shown: string) => `${where}: ${shown}: そのようなファイルやディレクトリはありません`,
    underRoot: (root: string) => `パスは --root ${root} の下で探します。`,
    denied: (where: string, shown: string) => `${where}: ${shown} を読めません: 権限がありません`,
    deniedHint: '中身を見るには root（またはディレクトリの所有者）で実行してください。',
    componentNotDir: (where: string, shown: string) => `${where}: ${shown}: パスの途中がディレクトリではありません`,
    tooManyLinks: (where: string, shown: string) => `${where}: ${shown}: シンボリックリンクの階層が深すぎます`,
    cannotRead: (where: string, shown: string, why: string) => `${where}: ${shown} を読めません: ${why}`,
    notADirectory: (where: string, shown: string, kind: string, size: number | undefined, via: string | undefined) =>
      `${where}: ${shown} は${kind}${size === undefined ? '' : `（${size} バイト）`}で、ディレクトリではありません${via ? `（シンボリックリンク ${via} の先）` : ''}`,
    fileHint: "ls はディレクトリの中身を見ます。メールボックスのファイルは 'spoolrescue capture --help' を参照してください。",
    notDirHint: 'ls はディレクトリの中身だけを見ます。',
    symlinkNotFollowed: (where: string, shown: string, target: string, resolved: string | undefined, what: string) =>
      `${where}: ${shown} は ${target}${resolved ? `（${resolved}）` : ''} へのシンボリックリンクで、リンク先は${what}です。たどりません`,
    lookAtTarget: (command: string) => `リンク先の中身を見るには ${command}   （または --follow を付けてください）`,
    stoppedAfter: (seen: number, why: string) => `${seen} 個のエントリの後で止まりました: ${why}`,
  },
});
