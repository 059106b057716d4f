import { catalogue } from '../../core/i18n/speak.js';

// What `spoolrescue maillog` says in its help.
export const maillogText = catalogue({
  en: {
    summary: 'why the disk filled: retry storms, abuse, disk-full signals from the mail log',
    positionals: {
      'FILE...': 'mail logs, plain or .gz (default: the system mail log and its rotated siblings)',
    },
    flags: {
      since: 'only lines at or after T (log clock: 2026-12-26 or 2026-12-26T04:00)',
      until: 'only lines before T',
      chart: 'draw bytes per day and process, and attempts per day of the most retried IDs',
      'first-look': 'only the first look (sizes, first/last time, bytes per day by seeking)',
      top: 'rows per ranking (default 10)',
      incident: 'append the charts and tables to this incident file (Markdown)',
      'force-destination': 'write the incident file even on a full filesystem or the troubled one',
    },
    details: `Why the disk filled, from the mail log. With no FILE: Postfix's maillog_file
(main.cf), else /var/log/maillog or /var/log/mail.log, with their rotated siblings
(maillog-YYYYMMDD, mail.log.1, .gz ones too), ordered by their first time stamp.
First look (milliseconds): size, first and last time, bytes per day found by
seeking. Then one streaming pass: lines and bytes per day and process, delivery
attempts per queue ID and per day (retry storms), statuses, folded deferral
reasons, destinations, who sent (SASL logins, clients, the null sender <>, local
uids), disk-full signals, and verdicts with their evidence. Formats: classic
syslog (year from the file's mtime, across the new year), Postfix's own
maillog_file, RFC 3339, journalctl -o short-iso. Ctrl-C stops the pass and
prints what was counted so far (exit 1). --since/--until take the log's own
clock: 2026-12-26 or 2026-12-26T04:00. Read-only.`,
    badTime: (flag: string, got: string) => `spoolrescue maillog: --${flag} expects a date like 2026-12-26 or 2026-12-26T04:00, got '${got}'`,
    skipped: (message: string) => `spoolrescue maillog: skipped ${message}`,
    passDone: (complete: boolean, seconds: string, rate: string) => `${complete ? 'full pass' : 'PARTIAL pass (stopped)'} in ${seconds} s (${rate} MiB/s read):`,
    appended: (bytes: number, file: string) => `\nappended ${bytes} bytes to ${file}`,
    interrupted: 'spoolrescue maillog: interrupted; the counts above cover the part read before Ctrl-C',
  },
  ja: {
    summary: 'なぜディスクが埋まったか: メールログから再送の嵐、不正利用、ディスクフルの兆候',
    positionals: {
      'FILE...': 'メールログ（プレーンまたは .gz。既定: システムのメールログとローテート済みのもの）',
    },
    flags: {
      since: 'T 以降の行だけ（ログの時計: 2026-12-26 または 2026-12-26T04:00）',
      until: 'T より前の行だけ',
      chart: '日別・プロセス別のバイト数と、再送の多い ID の日別試行回数を描く',
      'first-look': '最初の見積もりだけ（サイズ、最初と最後の時刻、シークによる日別バイト数）',
      top: '各ランキングの行数（既定 10）',
      incident: 'グラフと表をこの証跡ファイル（Markdown）に追記する',
      'force-destination': 'ディスクフルや障害中のファイルシステムでも証跡ファイルに書く',
    },
    details: `メールログから、なぜディスクが埋まったかを調べます。FILE がなければ Postfix の maillog_file
（main.cf）、なければ /var/log/maillog か /var/log/mail.log を、ローテート済みのもの
（maillog-YYYYMMDD、mail.log.1、.gz も）とともに、最初のタイムスタンプの順に読みます。
最初の見積もり（数ミリ秒）: サイズ、最初と最後の時刻、シークで求めた日別バイト数。続いて
1 回のストリーム走査: 日別・プロセス別の行数とバイト数、キュー ID ごと・日ごとの配送試行
（再送の嵐）、ステータス、まとめた遅延理由、宛先、送信元（SASL ログイン、クライアント、空の
送信者 <>、ローカルの uid）、ディスクフルの兆候、根拠付きの判定。形式: 従来の syslog（年は
ファイルの mtime から、年越しにも対応）、Postfix 自身の maillog_file、RFC 3339、
journalctl -o short-iso。Ctrl-C で走査を止め、そこまでの集計を表示します（終了コード 1）。
--since/--until はログ自身の時計で指定します: 2026-12-26 または 2026-12-26T04:00。
読み取りのみです。`,
    badTime: (flag: string, got: string) => `spoolrescue maillog: --${flag} には 2026-12-26 や 2026-12-26T04:00 のような日時を指定してください（指定値: '${got}'）`,
    skipped: (message: string) => `spoolrescue maillog: 読み飛ばしました: ${message}`,
    passDone: (complete: boolean, seconds: string, rate: string) => `${complete ? '全体を走査' : '走査は途中で停止（一部のみ）'}: ${seconds} s（読み取り ${rate} MiB/s）:`,
    appended: (bytes: number, file: string) => `\n${file} に ${bytes} バイトを追記しました`,
    interrupted: 'spoolrescue maillog: 中断しました。上の集計は Ctrl-C までに読んだ部分のものです',
  },
});
