import { catalogue } from '../../core/i18n/speak.js';

// What `spoolrescue ls` says in its help.
export const lsText = catalogue({
  en: {
    summary: 'unsorted, streaming, capped listing of a huge directory (ls -U)',
    positionals: {
      DIR: 'directory to look inside',
    },
    flags: {
      limit: 'entries to show (default 50; 0 when --count/--oldest/--newest)',
      count: 'count every entry (streams the directory, keeps no names)',
      oldest: 'the K oldest entries by mtime (one lstat each, bounded memory)',
      newest: 'the K newest entries by mtime (same pass as --oldest)',
      follow: 'if DIR is a symbolic link, look inside its target',
    },
    details: `Entries come in directory order (never sorted, like ls -U), with type, size and
modification time from lstat (symlinks are not followed). Names are escaped like
ls -b; --json keeps them exact (nameBase64 when a name is not valid UTF-8).
With --count, --oldest or --newest only the summary is printed unless --limit is
given. A symbolic link is refused (exit 3) unless --follow; a file is a usage
error (exit 2); a directory deleted part-way is reported with what was counted
(exit 1).`,
    progress: (times: boolean, dir: string, entries: string) => `${times ? 'reading modification times in' : 'counting'} ${dir}: ${entries} entries`,
  },
  ja: {
    summary: '巨大なディレクトリを並べ替えずに、流しながら、上限付きで一覧（ls -U）',
    positionals: {
      DIR: '中身を見るディレクトリ',
    },
    flags: {
      limit: '表示するエントリ数（既定 50。--count/--oldest/--newest では 0）',
      count: 'すべてのエントリを数える（ディレクトリを流し読みし、名前は保持しない）',
      oldest: 'mtime が古い順に K 件（各 1 回の lstat、メモリは一定）',
      newest: 'mtime が新しい順に K 件（--oldest と同じ 1 回の走査）',
      follow: 'DIR がシンボリックリンクならリンク先の中身を見る',
    },
    details: `エントリはディレクトリの順のまま（並べ替えなし、ls -U と同じ）、種類、サイズ、更新時刻を
lstat から示します（シンボリックリンクはたどりません）。名前は ls -b のようにエスケープします。
--json では名前をそのまま保持します（UTF-8 でない名前は nameBase64）。
--count、--oldest、--newest では、--limit を付けない限りまとめだけを表示します。
シンボリックリンクは --follow がない限り拒否します（終了コード 3）。ファイルは使い方の誤り
（終了コード 2）、途中で削除されたディレクトリは数えた分を示して終了コード 1 です。`,
    progress: (times: boolean, dir: string, entries: string) => `${dir}: ${times ? '更新時刻を読み取り中' : '数えています'}: ${entries} エントリ`,
  },
});
