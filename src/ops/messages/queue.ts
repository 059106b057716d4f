import { catalogue } from '../../core/i18n/speak.js';

// What the queue use cases say when they refuse an action, and the warnings of a plan and of an
// action (kept as codes; src/ops/queue-warnings.ts words them, in English for --json).
export const queueOpText = catalogue({
  en: {
    noSelection: (action: string) => `refused to ${action} without a selection: that would be the whole queue`,
    selectHint: 'Select with --match FIELD=GLOB, --older-than or --newer-than (--match id=* selects everything on purpose).',
    runningNoPostsuper: 'Postfix is running, so only postsuper may remove its files, and postsuper is not installed',
    needsPostsuper: (action: string) => `${action} needs postsuper, which is not installed`,
    stopPostfixFirst: 'Stop Postfix first; then the files and their logs are removed directly.',
    installPostsuper: 'Install Postfix (postsuper) or mount this disk on a host that has it.',
    postsuperCannotLog: (maillog: string, action: string) =>
      `Postfix is stopped and logs to ${maillog} (maillog_file): postsuper would ${action} the first message, fail to open that log as the mail owner, and stop there; nothing was changed`,
    startPostfix: (configDir: string) => `Start Postfix (postfix -c ${configDir} start; its postlogd writes postsuper's log lines), then run this again.`,
    postfixStarted: (how: string) => `Postfix started since the plan (${how}); raw removal would race with its daemons; nothing was changed`,
    stopPostfixAgain: 'Stop Postfix again, or let postsuper do it while it runs.',
    selectionNotWritten: (message: string | undefined) => `the selection could not be written to the incident file (${message}); nothing was changed`,
    incidentRoomHint: 'Choose an incident file on a filesystem with room (/dev/shm, /run, another disk).',
    warnings: {
      removedLines: 'postsuper logs one "removed" line per message to the mail log; on a full disk that log may not be written (or may fill what was freed)',
      maildropHold: 'mail in maildrop cannot be held (postsuper skips it); it is held once pickup moves it on',
      preferHold: 'prefer --hold when the selection may contain legitimate mail: held mail can be released later, deleted mail is gone',
      alreadyGone: ({ files }: { files: number }) => `${files} selected files were already gone`,
      postsuperLogged: ({ lines }: { lines: number }) => `postsuper logged about ${lines} "removed" lines to the mail log`,
    },
    failures: {
      notRemoved: ({ path, error }: { path: string; error: string }) => `${path}: ${error}`,
      moreNotRemoved: ({ count }: { count: number }) => `and ${count} more`,
      checkFailed: ({ output, exitCode }: { output: string; exitCode?: number | string }) => `postfix check: ${output || `exit ${exitCode}`}`,
    },
    checkOk: 'ok',
    checkFailed: (output: string) => `failed: ${output}`,
    checkNotRun: (why: string) => `not run (${why})`,
  },
  ja: {
    noSelection: (action: string) => `選択なしの ${action} は拒否します: キュー全体が対象になります`,
    selectHint: '--match FIELD=GLOB、--older-than、--newer-than で選んでください（すべてを選ぶなら --match id=*）。',
    runningNoPostsuper: 'Postfix が稼働中なのでファイルを削除できるのは postsuper だけですが、postsuper がインストールされていません',
    needsPostsuper: (action: string) => `${action} には postsuper が必要ですが、インストールされていません`,
    stopPostfixFirst: '先に Postfix を止めてください。ファイルとそのログを直接削除します。',
    installPostsuper: 'Postfix（postsuper）をインストールするか、このディスクを postsuper のあるホストにマウントしてください。',
    postsuperCannotLog: (maillog: string, action: string) =>
      `Postfix は停止中で、ログの出力先は ${maillog}（maillog_file）です。postsuper は最初のメールを ${action} したあと、メール所有者としてそのログを開けずに止まります。何も変更していません`,
    startPostfix: (configDir: string) => `Postfix を起動して（postfix -c ${configDir} start。postlogd が postsuper のログを書きます）から再実行してください。`,
    postfixStarted: (how: string) => `手順を作ったあとに Postfix が起動しました（${how}）。直接削除はデーモンと競合します。何も変更していません`,
    stopPostfixAgain: 'Postfix をもう一度止めるか、稼働中のまま postsuper に任せてください。',
    selectionNotWritten: (message: string | undefined) => `選択を証跡ファイルに書き込めませんでした（${message}）。何も変更していません`,
    incidentRoomHint: '証跡ファイルは空きのある場所に置いてください（/dev/shm、/run、別のディスク）。',
    warnings: {
      removedLines: 'postsuper はメール 1 通ごとに "removed" の行をメールログに書きます。ディスクフルではそのログを書けないか、解放した容量を埋めることがあります',
      maildropHold: 'maildrop のメールは保留できません（postsuper は飛ばします）。pickup が移したあとで保留されます',
      preferHold: '正当なメールが含まれるかもしれないなら --hold を使ってください。保留したメールは後で保留解除できますが、削除したメールは戻りません',
      alreadyGone: ({ files }: { files: number }) => `選択したファイルのうち ${files} 個はすでにありませんでした`,
      postsuperLogged: ({ lines }: { lines: number }) => `postsuper はメールログに約 ${lines} 行の "removed" を書きました`,
    },
    failures: {
      notRemoved: ({ path, error }: { path: string; error: string }) => `${path}: ${error}`,
      moreNotRemoved: ({ count }: { count: number }) => `ほか ${count} 件`,
      checkFailed: ({ output, exitCode }: { output: string; exitCode?: number | string }) => `postfix check: ${output || `終了コード ${exitCode}`}`,
    },
    checkOk: '正常',
    checkFailed: (output: string) => `失敗: ${output}`,
    checkNotRun: (why: string) => `未実行（${why}）`,
  },
});
