import { catalogue } from '../../core/i18n/speak.js';

// What `spoolrescue df` says in its help.
export const dfText = catalogue({
  en: {
    summary: 'filesystems: bytes, inodes, read-only; deleted-open files',
    timeout: 'how long statfs of one filesystem may take (default 3000)',
    humanReadable: 'sizes in powers of 1024, as df -h (the default; accepted for habit)',
    details: `Lists every real filesystem from /proc/self/mountinfo (proc, sysfs, cgroup and
the like are left out; tmpfs such as /dev/shm and /run are kept: evidence can
go there), one line per filesystem even when it is bind-mounted several times.
A line starts with "!" when bytes or inodes are at least 90% used or the
filesystem is read-only; the reasons follow in words. Local filesystems answer
statfs from memory; network, FUSE and unknown ones are asked through a helper
process with a deadline (--timeout), so a dead NFS mount is reported as not
responding instead of hanging the command. Files deleted but still held open
are listed with their holder (from /proc/PID/fd, no lsof needed): df counts
them, du cannot see them. With --root, df still shows the host's filesystems
(it reads /proc). Read-only: nothing is changed.
Likely culprits (--root aware) come before any scan: one lstat of each of
Postfix's queues, the mail spool and its mailboxes, the logs, /tmp and /var/tmp;
a directory's entries are estimated from the size of the directory itself
(ext4: ~29 bytes per entry, and it never shrinks), never by listing it.
Sizes are always in powers of 1024 here, so -h (as in df -h) is accepted and
changes nothing; --json has the exact bytes. -h before the command is help.`,
  },
  ja: {
    summary: 'ファイルシステム: 容量、inode、読み取り専用、削除済みだが開かれたままのファイル',
    timeout: '1 つのファイルシステムの statfs を待つ時間（既定 3000）',
    humanReadable: 'サイズを 1024 のべき乗で表示。df -h と同じ（既定。習慣のため受け付けます）',
    details: `/proc/self/mountinfo にある実在のファイルシステムを一覧します（proc、sysfs、
cgroup などは除外。/dev/shm や /run などの tmpfs は証跡の置き場になるため残します）。
複数回 bind マウントされていても 1 ファイルシステム 1 行です。
容量か inode の使用率が 90% 以上、または読み取り専用の行は「!」で始まり、理由を
続けて書きます。ローカルのファイルシステムはメモリから statfs に答えます。
ネットワーク、FUSE、不明なものは期限付き（--timeout）の補助プロセスで問い合わせる
ため、応答しない NFS マウントでコマンドが止まることはなく、「応答なし」と表示します。
削除済みだが開かれたままのファイルは、それを開いているプロセスとともに表示します
（/proc/PID/fd から。lsof は不要）。df には数えられ、du には見えない容量です。
--root を付けても df はホストのファイルシステムを表示します（/proc を読むため）。
読み取りのみで、何も変更しません。

原因候補（--root 対応）はスキャンの前に示します。Postfix のキュー、メールスプールと
メールボックス、ログ、/tmp、/var/tmp をそれぞれ 1 回 lstat するだけです。
ディレクトリのエントリ数は一覧せずにディレクトリ自体のサイズから見積もります
（ext4: 1 エントリ約 29 バイト。ディレクトリは縮みません）。

サイズは常に 1024 のべき乗なので -h（df -h と同じ）は受け付けますが何も変わりません。
正確なバイト数は --json にあります。コマンドより前の -h はヘルプです。`,
  },
});
