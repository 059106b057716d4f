import { catalogue } from '../../core/i18n/speak.js';

// What `spoolrescue truncate` says: its help, its plan, its questions and its outcome.
export const truncateText = catalogue({
  en: {
    summary: 'truncate a mail spool in place, holding Postfix\'s lock, after evidence was captured',
    positionals: {
      SPOOL: 'mbox spool to truncate',
    },
    flags: {
      incident: 'incident file that holds a capture of SPOOL (the truncation is recorded there)',
      yes: 'do not ask for confirmation',
      'no-evidence': 'truncate even though no capture of SPOOL was recorded',
      wait: 'how long to wait for Postfix\'s lock (default 30)',
      'accept-loss': 'truncate even when mail that arrived after the capture cannot be kept in the incident file',
      'dotlock-only': 'without postlock, python3 or perl: truncate holding the dotlock alone (fcntl-only writers not kept out)',
    },
    details: `The lock is Postfix's own (postlock) when Postfix is installed; otherwise the <spool>.lock dotlock
plus an fcntl lock held by python3 or perl (without either it refuses unless --dotlock-only).
Mail that arrived after the capture is appended to the incident file under the lock before truncating
(refused, exit 3, when it cannot be, unless --accept-loss).
Without a terminal, --yes is required (exit 3 otherwise).

A SPOOL that is a symbolic link is refused (exit 3), and there is no --follow: a link that another
user can repoint between the check and the truncation would empty whatever it points at.`,
    stopped: (reason: string) => `spoolrescue truncate: ${reason}`,
    noIncident: 'spoolrescue truncate: --incident FILE is required (the file that holds the capture of this spool)',
    captureFirst: (command: string) => `Capture first: ${command}; or truncate without evidence with --no-evidence.`,
    notAFile: (reason: string) => `${reason} (queue directories: spoolrescue purge)`,
    captureItFirst: (command: string) => `Capture it first: ${command}   (or use --no-evidence knowingly)`,
    plan: (spool: string, size: string, ino: string, owner: string, mode: string) =>
      `truncate ${spool} in place: ${size} bytes -> 0, inode ${ino}, ${owner}, mode ${mode} (all kept)`,
    evidence: (time: string, incident: string, size: string) => `  evidence: capture of ${time} in ${incident} (size then ${size} bytes)`,
    noEvidence: '  evidence: none (--no-evidence)',
    lateWillBeLost: (bytes: string) => `  note: ${bytes} bytes arrived after the capture; they will be lost (--accept-loss)`,
    lateWillBeKept: (bytes: string) =>
      `  note: ${bytes} bytes arrived after the capture; they will be appended to the incident file under the lock, before truncating`,
    noTerminal: 'spoolrescue truncate: not a terminal, so no confirmation can be asked; nothing was changed.',
    addYes: 'Add --yes to truncate without asking.',
    typeName: (name: string) => `Type the spool's name (${name}) to truncate it; anything else cancels: `,
    notConfirmed: 'spoolrescue truncate: not confirmed; nothing was changed.',
    truncated: (spool: string, before: string, after: string, kept: boolean) =>
      `truncated ${spool}: ${before} -> ${after} bytes; inode, owner and mode ${kept ? 'kept' : 'CHANGED (check them)'}`,
    lock: (method: string) => `  lock: ${method}`,
    lateAppended: (bytes: string, incident: string) => `  ${bytes} bytes that arrived after the capture were appended to ${incident} first`,
    lateDestroyed: (bytes: string) => `  ${bytes} bytes that arrived after the capture were destroyed uncaptured (--accept-loss)`,
    recorded: (incident: string) => `  recorded in ${incident}`,
    recordFailed: (message: string) => `spoolrescue truncate: the spool was truncated, but recording it failed: ${message}`,
  },
  ja: {
    summary: '証跡の採取後、Postfix のロックを取ってメールスプールをその場で切り詰め',
    positionals: {
      SPOOL: '切り詰める mbox スプール',
    },
    flags: {
      incident: 'SPOOL の採取を記録した証跡ファイル（切り詰めもそこに記録）',
      yes: '確認を求めない',
      'no-evidence': 'SPOOL の採取が記録されていなくても切り詰める',
      wait: 'Postfix のロックを待つ秒数（既定 30）',
      'accept-loss': '採取後に届いたメールを証跡ファイルに残せなくても切り詰める',
      'dotlock-only': 'postlock、python3、perl がないとき: dotlock だけで切り詰める（fcntl だけの書き手は防げない）',
    },
    details: `ロックは Postfix がインストールされていれば Postfix 自身のもの（postlock）、なければ
<spool>.lock の dotlock と、python3 か perl が保持する fcntl ロックです（どちらもなければ
--dotlock-only がない限り拒否します）。採取後に届いたメールは、切り詰める前にロックを取った
まま証跡ファイルへ追記します（できないときは --accept-loss がない限り拒否、終了コード 3）。
端末がないときは --yes が必要です（なければ終了コード 3）。

SPOOL がシンボリックリンクなら拒否します（終了コード 3）。--follow はありません。確認から
切り詰めまでの間にほかのユーザーがリンク先を差し替えると、その先が空になるためです。`,
    stopped: (reason: string) => `spoolrescue truncate: ${reason}`,
    noIncident: 'spoolrescue truncate: --incident FILE が必要です（採取を記録した証跡ファイル）',
    captureFirst: (command: string) => `先に採取してください: ${command}。証跡なしで切り詰めるなら --no-evidence を付けてください。`,
    notAFile: (reason: string) => `${reason}（キューディレクトリには spoolrescue purge）`,
    captureItFirst: (command: string) => `先に採取してください: ${command}   （または承知のうえで --no-evidence）`,
    plan: (spool: string, size: string, ino: string, owner: string, mode: string) =>
      `${spool} をその場で切り詰め: ${size} バイト -> 0、inode ${ino}、${owner}、モード ${mode}（すべて維持）`,
    evidence: (time: string, incident: string, size: string) => `  証跡: ${incident} にある ${time} の採取（当時のサイズ ${size} バイト）`,
    noEvidence: '  証跡: なし（--no-evidence）',
    lateWillBeLost: (bytes: string) => `  注意: 採取後に ${bytes} バイト届いています。これは失われます（--accept-loss）`,
    lateWillBeKept: (bytes: string) => `  注意: 採取後に ${bytes} バイト届いています。切り詰める前にロックを取ったまま証跡ファイルへ追記します`,
    noTerminal: 'spoolrescue truncate: 端末がないため確認できません。何も変更していません。',
    addYes: '確認なしで切り詰めるには --yes を付けてください。',
    typeName: (name: string) => `切り詰めるにはスプール名（${name}）を入力してください。ほかの入力では中止します: `,
    notConfirmed: 'spoolrescue truncate: 確認されませんでした。何も変更していません。',
    truncated: (spool: string, before: string, after: string, kept: boolean) =>
      `${spool} を切り詰めました: ${before} -> ${after} バイト。inode、所有者、モードは${kept ? '維持しました' : '変わりました（確認してください）'}`,
    lock: (method: string) => `  ロック: ${method}`,
    lateAppended: (bytes: string, incident: string) => `  採取後に届いた ${bytes} バイトを先に ${incident} へ追記しました`,
    lateDestroyed: (bytes: string) => `  採取後に届いた ${bytes} バイトは採取されないまま消えました（--accept-loss）`,
    recorded: (incident: string) => `  ${incident} に記録しました`,
    recordFailed: (message: string) => `spoolrescue truncate: スプールは切り詰めましたが、記録に失敗しました: ${message}`,
  },
});
