import { catalogue } from '../../core/i18n/speak.js';

// What `spoolrescue purge` says in its help.
export const purgeText = catalogue({
  en: {
    summary: 'empty a huge queue directory (maildrop, bounce, ...) and restore its exact owner/mode',
    positionals: {
      DIR: 'directory to empty',
    },
    flags: {
      'dry-run': 'show the plan (strategy, entries, bytes, owner/mode, Postfix state), change nothing',
      yes: 'do not ask for the typed confirmation',
      incident: 'incident file to record the purge in',
      postsuper: 'let Postfix delete the queue: postsuper -d ALL QUEUE (works while it runs)',
      'in-place': 'unlink the entries inside DIR instead of swapping in a new directory',
      'any-directory': 'allow a directory outside the Postfix queues and the mail spool',
    },
    details: `Empties DIR of every entry without a shell or a glob, streaming (millions of files, bounded
memory), and leaves DIR exactly as it was: owner, group, full mode (sticky/setgid), every extended
attribute (POSIX ACLs, SELinux label, user.*, trusted.*) and inode flags (chattr) are snapshotted
first, restored, and compared afterwards. Exit 0 only when all of that holds. Mount points inside
DIR (other filesystems and bind mounts alike) are never entered.

Allowed without --any-directory: Postfix queue directories (maildrop, bounce, deferred, ...) and
directories under the mail spool. Always refused (exit 3): /, a symlink, not a directory, Postfix's
queue directory itself, pid/ public/ private/, the chroot's etc/ lib/ usr/ dev/, a queue of a
running Postfix (use --postsuper), any directory holding the queue, spool or configuration, a
read-only filesystem, a DIR the caller cannot empty (not root), an immutable or append-only DIR.

Strategy (chosen, shown with the reason): swap - a new empty directory with the same owner, mode and
label replaces DIR within a second, the old one is renamed aside (.DIR.spoolrescue-purge-STAMP) and
deleted with progress; a rerun finishes what Ctrl-C or a crash left. In place - when DIR is a mount
point, a filesystem is mounted inside it, no inode is free, or an attribute cannot be read or
copied (getfattr/setfattr, lsattr/chattr missing): keeping the inode keeps every attribute.

There is no --follow: a link that another user can repoint between the check and the deleting
would empty whatever it points at. Give the real directory.`,
    noTerminal: 'spoolrescue purge: refused: no terminal to confirm on and no --yes; nothing was changed',
    reviewFirst: (command: string) => `Review with ${command}, then rerun with --yes.`,
    dryRun: 'Dry run: nothing was changed.',
    typeName: (name: string) => `Type the directory's name (${name}) to purge it; anything else cancels: `,
    cancelled: 'spoolrescue purge: cancelled; nothing was changed',
    refused: (reason: string) => `refused: ${reason}`,
  },
  ja: {
    summary: '巨大なキューディレクトリ（maildrop、bounce など）を空にし、所有者とモードを正確に戻す',
    positionals: {
      DIR: '空にするディレクトリ',
    },
    flags: {
      'dry-run': '手順（方式、エントリ数、バイト数、所有者とモード、Postfix の状態）を示し、何も変更しない',
      yes: '確認（入力）を求めない',
      incident: '削除 (purge) を記録する証跡ファイル',
      postsuper: 'キューの削除を Postfix に任せる: postsuper -d ALL QUEUE（稼働中でも可）',
      'in-place': '新しいディレクトリと入れ替えず、DIR の中のエントリを unlink する',
      'any-directory': 'Postfix のキューとメールスプール以外のディレクトリも許可する',
    },
    details: `DIR のエントリをシェルもグロブも使わずに流しながらすべて消し（数百万ファイルでもメモリは
一定）、DIR を元のとおりに残します。所有者、グループ、モード全体（sticky/setgid）、すべての
拡張属性（POSIX ACL、SELinux ラベル、user.*、trusted.*）、inode フラグ（chattr）を先に
記録し、戻し、後で比較します。すべてが一致したときだけ終了コード 0 です。DIR の中の
マウントポイント（別のファイルシステムも bind マウントも）には入りません。

--any-directory なしで許可するもの: Postfix のキューディレクトリ（maildrop、bounce、deferred
など）とメールスプールの下のディレクトリ。常に拒否するもの（終了コード 3）: /、シンボリック
リンク、ディレクトリでないもの、Postfix のキューディレクトリそのもの、pid/ public/ private/、
chroot の etc/ lib/ usr/ dev/、稼働中の Postfix のキュー（--postsuper を使う）、キュー、
スプール、設定を含むディレクトリ、読み取り専用のファイルシステム、実行者が空にできない DIR
（root でない）、immutable または append-only の DIR。

方式（理由とともに選んで表示）: 入れ替え - 同じ所有者、モード、ラベルの空のディレクトリが
1 秒以内に DIR と入れ替わり、古い方は退避（.DIR.spoolrescue-purge-STAMP）して進捗付きで
削除します。Ctrl-C やクラッシュで残った分は再実行で片付きます。その場で - DIR がマウント
ポイントのとき、中にファイルシステムがマウントされているとき、空き inode がないとき、属性を
読めないかコピーできないとき（getfattr/setfattr、lsattr/chattr がない）: inode を残せば
すべての属性が残ります。

--follow はありません。確認から削除までの間にほかのユーザーがリンク先を差し替えると、その先が
空になるためです。実際のディレクトリを指定してください。`,
    noTerminal: 'spoolrescue purge: 拒否: 確認する端末がなく --yes もありません。何も変更していません',
    reviewFirst: (command: string) => `${command} で確認してから --yes を付けて再実行してください。`,
    dryRun: 'ドライラン: 何も変更していません。',
    typeName: (name: string) => `削除するにはディレクトリ名（${name}）を入力してください。ほかの入力では中止します: `,
    cancelled: 'spoolrescue purge: 中止しました。何も変更していません',
    refused: (reason: string) => `拒否: ${reason}`,
  },
});
