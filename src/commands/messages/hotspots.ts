import { catalogue } from '../../core/i18n/speak.js';

// What `spoolrescue hotspots` says in its help.
export const hotspotsText = catalogue({
  en: {
    summary: 'du-style scan of one filesystem: where the bytes and inodes sit',
    positionals: {
      PATH: 'where to start (default /, or --root)',
    },
    flags: {
      top: 'rows per ranking (default 10)',
      workers: (max: number) => `scanners at once (default: cores, at most 4; at most ${max} here: twice the cores, never more than 16); from 2, a second process reads subtrees of small directories`,
      export: 'also write the scan in ncdu\'s JSON export format (.gz: compressed)',
      'force-export': 'write the export even on the scanned or a nearly full filesystem',
      follow: 'if PATH is a symbolic link, scan its target (read-only, so safe)',
    },
    details: `Scans PATH like du -sx: allocated bytes and inodes, hard links counted once,
symlinks never followed, other filesystems never entered (their mount points
are listed, not counted, and never even looked at, so a dead NFS mount cannot
hang the scan). The totals equal du -sx -B1 and du -sx --inodes. Directories
are ranked by what sits directly in them, so a flooded maildrop comes first
rather than /var: by bytes of the files directly inside, and by entries
directly inside; each row also shows its subtree. The largest files follow (a
swollen mailbox is one file). Postfix queues, the mail spool, mailboxes and
mail logs are tagged. Unreadable directories are listed as errors; the scan
goes on (exit 1 when PATH itself cannot be read: nothing was counted). Progress goes to stderr when it is a terminal; Ctrl-C stops the scan
at once. Read-only: nothing is changed. With --root DIR, PATH defaults to DIR,
paths are shown as the rescued system sees them, and Postfix settings come
from DIR. A PATH that is a symbolic link is refused (exit 3) unless --follow.
--export FILE also writes the whole scan in ncdu's JSON export format
(gzip-compressed when FILE ends in .gz), so "ncdu -f FILE" (or
"zcat FILE | ncdu -f-") browses it later or on another machine without a
second scan. It is streamed: memory stays bounded whatever the tree's size.
FILE must not be on the filesystem being scanned (exit 3) unless
--force-export; it appears only once complete.`,
    roomHeading: 'Filesystems with room:',
    orForce: 'or --force-export to write it there anyway.',
    noRoom: 'Free some space elsewhere, or use --force-export knowingly.',
    forcedPast: (file: string, why: string) => `spoolrescue hotspots: --force-export: writing ${file} although ${why}`,
    interrupted: (exporting: boolean) => `spoolrescue hotspots: interrupted; nothing was changed${exporting ? ' and no export was written' : ''}`,
    exported: (file: string, bytes: number, gz: boolean) => `spoolrescue hotspots: export written to ${file} (${bytes} bytes); browse it with: ncdu -f ${file}${gz ? ' (ncdu 1.x: zcat FILE | ncdu -f-)' : ''}`,
    startUnreadable: (dir: string, why: string) => `spoolrescue hotspots: ${dir}: ${why}; nothing under it was counted`,
  },
  ja: {
    summary: 'du 形式で 1 つのファイルシステムをスキャン: 容量と inode がどこにあるか',
    positionals: {
      PATH: '開始位置（既定 /、または --root）',
    },
    flags: {
      top: '各ランキングの行数（既定 10）',
      workers: (max: number) => `同時に走査する数（既定: コア数、最大 4。ここでは最大 ${max}: コア数の 2 倍、16 まで）。2 以上では、小さなディレクトリの部分木を別プロセスも読みます`,
      export: 'スキャン結果を ncdu の JSON エクスポート形式でも書き出す（.gz なら圧縮）',
      'force-export': 'スキャン対象や空き容量の少ないファイルシステムにもエクスポートを書き出す',
      follow: 'PATH がシンボリックリンクならリンク先をスキャンする（読み取りのみで安全）',
    },
    details: `PATH を du -sx と同じようにスキャンします。割り当て済みのバイト数と inode を数え、
ハードリンクは 1 回だけ数え、シンボリックリンクはたどらず、ほかのファイルシステムには入り
ません（マウントポイントは一覧しますが数えず、中も見ないため、応答しない NFS マウントで
スキャンが止まることはありません）。合計は du -sx -B1 と du -sx --inodes に一致します。

ディレクトリは直下にあるものでランキングするため、/var ではなくあふれた maildrop が先頭に
来ます（直下のファイルのバイト数と直下のエントリ数）。各行にはサブツリー全体も示します。
続いて大きなファイル（膨れたメールボックスは 1 つのファイルです）を示します。Postfix の
キュー、メールスプール、メールボックス、メールログには印を付けます。読めないディレクトリは
エラーとして示し、スキャンは続けます（PATH 自体を読めないときは何も数えられないため終了コード 1）。進捗は端末なら stderr に出し、Ctrl-C ですぐに止まります。
読み取りのみで、何も変更しません。--root DIR では PATH の既定が DIR になり、パスは救出対象の
システムから見た形で示し、Postfix の設定は DIR から読みます。PATH がシンボリックリンクなら
--follow がない限り拒否します（終了コード 3）。

--export FILE はスキャン全体を ncdu の JSON エクスポート形式でも書き出します（FILE が .gz で
終われば gzip 圧縮）。「ncdu -f FILE」（または「zcat FILE | ncdu -f-」）で、後からでも別の
マシンでも、再スキャンせずに閲覧できます。ストリームで書くため、ツリーの大きさにかかわらず
メモリは一定です。FILE はスキャン対象のファイルシステム上に置けません（終了コード 3）。
--force-export があれば別です。FILE は完成してから現れます。`,
    roomHeading: '空き容量のあるファイルシステム:',
    orForce: 'または --force-export でそのまま書き出します。',
    noRoom: 'ほかの場所に空き容量を作るか、承知の上で --force-export を使ってください。',
    forcedPast: (file: string, why: string) => `spoolrescue hotspots: --force-export: ${why} ですが ${file} に書き出します`,
    interrupted: (exporting: boolean) => `spoolrescue hotspots: 中断しました。何も変更していません${exporting ? '。エクスポートも書き出していません' : ''}`,
    exported: (file: string, bytes: number, gz: boolean) => `spoolrescue hotspots: ${file} にエクスポートを書き出しました（${bytes} バイト）。閲覧: ncdu -f ${file}${gz ? '（ncdu 1.x: zcat FILE | ncdu -f-）' : ''}`,
    startUnreadable: (dir: string, why: string) => `spoolrescue hotspots: ${dir}: ${why}。その下は何も数えていません`,
  },
});
