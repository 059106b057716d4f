import { catalogue } from '../../core/i18n/speak.js';

// What `spoolrescue capture` says in its help.
export const captureText = catalogue({
  en: {
    summary: 'evidence: first/last messages of a spool, oldest/newest queue files, log head/tail',
    positionals: {
      SPOOL: 'mbox spool, Postfix queue directory or mail log',
    },
    flags: {
      incident: 'incident file to append to (Markdown, created 0600)',
      messages: 'first and last N messages, files or lines (default 5)',
      count: 'count every message of an mbox (reads the whole spool)',
      kind: 'mbox, queue, log or raw (default: recognised from the content)',
      'max-bytes': 'bytes kept per message or queue file (default 65536)',
      'force-destination': 'write the incident file even on a full filesystem or the troubled one',
      follow: 'if SPOOL is a symbolic link, capture its target (it is only read)',
    },
    details: `The incident file is appended to, never overwritten, and fsynced after the section. It is
refused (exit 3, nothing written) on a filesystem >= 98% full or with < 10 MB available, and
on the captured spool's own filesystem when that one is >= 90% full or read-only.
FILE is a path on this machine; it is not mapped under --root.
A SPOOL that is a symbolic link is refused (exit 3) unless --follow.`,
    badKind: (kinds: string, got: string) => `spoolrescue capture: --kind must be one of ${kinds}, got '${got}'`,
    interrupted: 'spoolrescue capture: interrupted; nothing was written to the incident file',
    appended: (bytes: number, file: string) => `appended ${bytes} bytes to ${file}`,
    partKept: (bytes: number, json: boolean) => `The part already written (${bytes} bytes) was kept. The whole section is printed ${json ? 'in the JSON ("markdown")' : 'below'} so the terminal log holds it.`,
  },
  ja: {
    summary: '証跡: スプールの最初と最後のメール、最古と最新のキューファイル、ログの先頭と末尾',
    positionals: {
      SPOOL: 'mbox スプール、Postfix のキューディレクトリ、またはメールログ',
    },
    flags: {
      incident: '追記する証跡ファイル（Markdown、0600 で作成）',
      messages: '最初と最後の N 件のメール、ファイル、行（既定 5）',
      count: 'mbox のメールをすべて数える（スプール全体を読む）',
      kind: 'mbox、queue、log、raw のいずれか（既定: 内容から判別）',
      'max-bytes': 'メールまたはキューファイル 1 件あたりに残すバイト数（既定 65536）',
      'force-destination': 'ディスクフルや障害中のファイルシステムでも証跡ファイルに書く',
      follow: 'SPOOL がシンボリックリンクならリンク先を採取する（読むだけです）',
    },
    details: `証跡ファイルには追記のみで、上書きはせず、セクションごとに fsync します。使用率 98% 以上
または空き容量 10 MB 未満のファイルシステムでは拒否します（終了コード 3、何も書きません）。
採取するスプールと同じファイルシステムが 90% 以上使用済みか読み取り専用のときも拒否します。
FILE はこのマシン上のパスで、--root の下には置き換えません。
SPOOL がシンボリックリンクなら --follow がない限り拒否します（終了コード 3）。`,
    badKind: (kinds: string, got: string) => `spoolrescue capture: --kind には ${kinds} のいずれかを指定してください（指定値: '${got}'）`,
    interrupted: 'spoolrescue capture: 中断しました。証跡ファイルには何も書いていません',
    appended: (bytes: number, file: string) => `${file} に ${bytes} バイトを追記しました`,
    partKept: (bytes: number, json: boolean) => `書き込み済みの部分（${bytes} バイト）は残しました。端末のログに残るよう、セクション全体を${json ? ' JSON（"markdown"）に' : '下に'}表示します。`,
  },
});
