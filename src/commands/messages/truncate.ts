import { catalogue } from '../../core/i18n/speak.js';

// What `spoolrescue truncate` says in its help.
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
  },
});
