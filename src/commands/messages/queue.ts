import { catalogue } from '../../core/i18n/speak.js';

// What `spoolrescue queue` says in its help.
export const queueText = catalogue({
  en: {
    summary: 'who filled the Postfix queue (qshape-style, verdicts); hold or delete a selection',
    positionals: {
      'QUEUE...': 'maildrop incoming active deferred hold corrupt (default: all)',
    },
    flags: {
      by: 'rows: domain (default), sender, sender-domain, sasl, client, uid, reason, queue',
      top: 'rows shown (default 20; the rest summed)',
      match: 'select messages (repeatable)',
      'older-than': 'select messages that arrived at least DUR ago',
      'newer-than': 'select messages that arrived at most DUR ago',
      list: 'one JSON object per message, the selected ones when selecting (JSON Lines, a superset of postqueue -j)',
      hold: 'put the selection on hold (postsuper -h)',
      release: 'release the selection from hold (postsuper -H)',
      requeue: 'requeue the selection (postsuper -r)',
      delete: 'delete the selection',
      'dry-run': 'show what the action would do, change nothing',
      yes: 'do not ask for the typed confirmation',
      incident: 'incident file for the selection and the outcome',
      'force-destination': 'write the incident file even on a full filesystem or the troubled one',
      sample: 'messages shown in the review (default 5)',
      'ids-from': 'select the queue IDs listed in FILE (- is stdin): queue --list or postqueue -j output, or one ID per line; no envelope is read',
    },
    details: `Reads the queue files directly (Postfix's record format, no process per message; works with
Postfix stopped or not installed, e.g. under --root), only as much of each file as the envelope
needs. Rows are KEY (domain = recipient domain, as qshape; sender, sender-domain, sasl, client,
uid, reason, queue), columns are qshape's age buckets (5, 10, 20, ... minutes). Verdicts name
backscatter, a compromised login or client, a local storm, with the numbers behind them.

Select with --match FIELD=GLOB (FIELD: id queue sender sender-domain recipient domain sasl client
helo uid origin reason; the same FIELD twice means either, different FIELDs all; sender=<> is the
null sender), --older-than / --newer-than (90s, 30m, 2h, 5d). Then act: --hold (preferred when
legitimate mail may be in the selection), --release, --requeue, --delete. --dry-run shows the
count, bytes, a sample and the commands. While Postfix runs, postsuper gets the IDs on stdin in
batches; when it is stopped, --delete removes the files and their defer/bounce/trace logs directly.
The selected IDs and a sample go into the incident file (--incident) before anything changes.

With a selection, --list lists the selected messages. --ids-from FILE (- for stdin) acts on a list
chosen before: that --list output, postqueue -j output, "QUEUE ID" lines or bare IDs (then looked
for in the queues named). No envelope is read again: one lstat per ID, which must be a regular
file of the queue's owner at its hashed path; other lines refuse the whole list, files gone are
counted, symlinks and others' files are left alone. It is not combined with --match.`,
    stopped: (reason: string) => `spoolrescue queue: ${reason}`,
    noTerminal: 'spoolrescue queue: refused: no terminal to confirm on and no --yes; nothing was changed',
    reviewFirst: 'Review with --dry-run, then rerun with --yes.',
    scanStopped: 'spoolrescue queue: stopped while reading the queue; nothing was changed',
    howPostsuper: (configDir: string, flag: string, running: boolean) =>
      `postsuper -c ${configDir} ${flag} - QUEUE, IDs on stdin in batches of 10,000 (Postfix ${running ? 'runs' : 'is stopped'})`,
    howDirect: 'direct removal of each file and its defer/bounce/trace logs (Postfix is stopped)',
    how: (how: string) => `How: ${how}.`,
    warning: (warning: string) => `Warning: ${warning}.`,
    dryRun: 'Dry run: nothing was changed.',
    emptySelection: 'The selection is empty: nothing to do.',
    typeToGoOn: (expected: string) => `Type '${expected}' to go on; anything else cancels: `,
    cancelled: 'spoolrescue queue: cancelled; nothing was changed',
    progress: (action: string, done: string, total: string, rate: string, eta: string | undefined) =>
      `${action}: ${done} of ${total} (${rate}/s${eta !== undefined ? `, ETA ${eta}` : ''})`,
    outcome: (action: string, done: string, selected: string, method: string, aborted: boolean) =>
      `${action}: ${done} of ${selected} messages (${method})${aborted ? ' - STOPPED, the rest is intact' : ''}.`,
    failed: (failure: string) => `FAILED: ${failure}`,
    check: (ran: boolean, ok: boolean, output: string, skipped: string | undefined) => `postfix check: ${ran ? (ok ? 'ok' : output) : `not run (${skipped})`}`,
    incidentFile: (file: string) => `Incident file: ${file}`,
  },
  ja: {
    summary: '誰が Postfix のキューを埋めたか（qshape 形式、判定）。選んだメールを保留または削除',
    positionals: {
      'QUEUE...': 'maildrop incoming active deferred hold corrupt（既定: すべて）',
    },
    flags: {
      by: '行: domain（既定）、sender、sender-domain、sasl、client、uid、reason、queue',
      top: '表示する行数（既定 20。残りは合計）',
      match: 'メールを選ぶ（繰り返し可）',
      'older-than': '届いてから DUR 以上たったメールを選ぶ',
      'newer-than': '届いてから DUR 以内のメールを選ぶ',
      list: 'メールごとに JSON オブジェクト 1 つ。選択したときは選んだメールだけ（JSON Lines、postqueue -j の上位互換）',
      hold: '選んだメールを保留にする（postsuper -h）',
      release: '選んだメールの保留を解除する（postsuper -H）',
      requeue: '選んだメールを再キューする（postsuper -r）',
      delete: '選んだメールを削除する',
      'dry-run': '操作の結果を示し、何も変更しない',
      yes: '確認（入力）を求めない',
      incident: '選んだメールと結果を記録する証跡ファイル',
      'force-destination': 'ディスクフルや障害中のファイルシステムでも証跡ファイルに書く',
      sample: '確認画面に示すメールの数（既定 5）',
      'ids-from': 'FILE（- は標準入力）に並んだキュー ID を選ぶ: queue --list や postqueue -j の出力、または 1 行に 1 つの ID。エンベロープは読まない',
    },
    details: `キューファイルを直接読みます（Postfix のレコード形式。メールごとのプロセスはなく、Postfix が
停止中でも未インストールでも動きます。例: --root の下）。各ファイルはエンベロープに必要な分
だけ読みます。行は KEY（domain = 宛先ドメイン、qshape と同じ。sender、sender-domain、sasl、
client、uid、reason、queue）、列は qshape の経過時間の区分（5、10、20 ... 分）です。判定は
バックスキャッター、乗っ取られたログインやクライアント、ローカルの大量送信を、根拠の数字と
ともに示します。

選択は --match FIELD=GLOB（FIELD: id queue sender sender-domain recipient domain sasl client
helo uid origin reason。同じ FIELD を 2 回書くといずれか、異なる FIELD はすべてを満たすもの。
sender=<> は空の送信者）、--older-than / --newer-than（90s、30m、2h、5d）。続いて操作:
--hold（正当なメールが含まれうるときはこちらを推奨）、--release、--requeue、--delete。
--dry-run は件数、バイト数、サンプル、コマンドを示します。Postfix の稼働中は postsuper に
ID を stdin でまとめて渡し、停止中は --delete がファイルと defer/bounce/trace のログを直接
削除します。選んだ ID とサンプルは、何かを変える前に証跡ファイル（--incident）に書きます。

選択があるとき --list は選んだメールを一覧にします。--ids-from FILE（- は標準入力）は前に
選んだ一覧に対して操作します: その --list の出力、postqueue -j の出力、「キュー名 ID」の行、
または ID だけの行（このときは指定したキューから探します）。エンベロープは読み直しません。
ID ごとに lstat を 1 回行い、ハッシュされた位置にあるキュー所有者の通常ファイルであることを
確かめます。ID でない行があれば一覧全体を拒否し、既にないファイルは数え、シンボリックリンクや
他人のファイルには触れません。--match とは組み合わせません。`,
    stopped: (reason: string) => `spoolrescue queue: ${reason}`,
    noTerminal: 'spoolrescue queue: 拒否: 確認する端末がなく --yes もありません。何も変更していません',
    reviewFirst: '--dry-run で確認してから --yes を付けて再実行してください。',
    scanStopped: 'spoolrescue queue: キューの読み取り中に中断しました。何も変更していません',
    howPostsuper: (configDir: string, flag: string, running: boolean) =>
      `postsuper -c ${configDir} ${flag} - QUEUE、キュー ID を標準入力から 10,000 件ずつ（Postfix は${running ? '稼働中' : '停止中'}）`,
    howDirect: 'ファイルとその defer/bounce/trace ログを 1 つずつ直接削除（Postfix は停止中）',
    how: (how: string) => `方法: ${how}。`,
    warning: (warning: string) => `警告: ${warning}。`,
    dryRun: 'ドライラン: 何も変更していません。',
    emptySelection: '選択したメールはありません。何もしません。',
    typeToGoOn: (expected: string) => `続けるには '${expected}' と入力してください。ほかの入力では中止します: `,
    cancelled: 'spoolrescue queue: 中止しました。何も変更していません',
    progress: (action: string, done: string, total: string, rate: string, eta: string | undefined) =>
      `${action}: ${done} / ${total}（${rate}/s${eta !== undefined ? `、残り ${eta}` : ''}）`,
    outcome: (action: string, done: string, selected: string, method: string, aborted: boolean) =>
      `${action}: ${selected} 通中 ${done} 通（${method}）${aborted ? ' - 中断しました。残りはそのままです' : ''}。`,
    failed: (failure: string) => `失敗: ${failure}`,
    check: (ran: boolean, ok: boolean, output: string, skipped: string | undefined) => `postfix check: ${ran ? (ok ? 'ok' : output) : `未実行（${skipped}）`}`,
    incidentFile: (file: string) => `証跡ファイル: ${file}`,
  },
});
