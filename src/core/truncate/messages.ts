import { catalogue } from '../i18n/speak.js';

// What the truncation's rails say when they refuse or fail: the spool, the incident file, late mail.
export const truncationText = catalogue({
  en: {
    readOnly: (what: string) => `${what} is on a read-only filesystem; nothing was changed`,
    remount: 'Remount it read-write (mount -o remount,rw MOUNTPOINT) if that is safe, then run again.',
    needsRoot: (what: string) => `no permission to write ${what}; truncating needs root (or the owner); nothing was changed`,
    runAsRoot: 'Run it as root.',
    incidentReadOnly: (file: string, mount: string) => `the incident file ${file} is on a read-only filesystem (${mount}); nothing was changed`,
    incidentNoRoom: (mount: string, free: string, file: string, needed: string) =>
      `${mount} has ${free} bytes free, the incident file ${file} needs up to ${needed}; the truncation could not be recorded, so nothing was changed`,
    incidentRoomHint: 'Give an incident file on a filesystem with room (/dev/shm, /run, another disk).',
    spoolShrank: (spool: string, from: string, to: string) =>
      `${spool} shrank from ${from} to ${to} bytes since the capture (rewritten by a mail client?); what is in it now was never captured; nothing was changed`,
    captureAgain: 'Capture it again, then truncate; or add --accept-loss knowingly.',
    noIncidentToKeep: 'there is no incident file to keep them in',
    moreThanKept: (mib: string) => `that is more than the ${mib} MiB kept under the lock`,
    lateMail: (bytes: string, spool: string, reason: string) => `${bytes} bytes reached ${spool} after the capture and ${reason}; nothing was changed`,
    lateMailHint: 'Capture it again, then truncate; or add --accept-loss to destroy that mail knowingly.',
    incidentUnwritable: (file: string, message: string) => `cannot write the incident file ${file}: ${message}; nothing was changed`,
    noIncidentFile: (spool: string) => `no incident file holds a capture of ${spool}`,
    incidentUnreadable: (file: string, message: string) => `cannot read the incident file ${file}: ${message}`,
    noCapture: (file: string, spool: string, ino: string) =>
      `${file} holds no capture of ${spool} (inode ${ino}); refusing to destroy mail that was not captured. Nothing was changed.`,
    notAFile: (spool: string) => `${spool} is not a regular file; only mbox spools are truncated`,
    dotlockDirectory: (dir: string, name: string) => `${dir} (where the ${name}.lock dotlock goes)`,
    cannotWrite: (what: string, code: string) => `cannot write ${what}: ${code}`,
  },
  ja: {
    readOnly: (what: string) => `${what} は読み取り専用のファイルシステムにあります。何も変更していません`,
    remount: '安全なら再マウント（mount -o remount,rw MOUNTPOINT）して再実行してください。',
    needsRoot: (what: string) => `${what} に書き込む権限がありません。切り詰めには root（または所有者）の権限が必要です。何も変更していません`,
    runAsRoot: 'root で実行してください。',
    incidentReadOnly: (file: string, mount: string) => `証跡ファイル ${file} は読み取り専用のファイルシステム（${mount}）にあります。何も変更していません`,
    incidentNoRoom: (mount: string, free: string, file: string, needed: string) =>
      `${mount} の空き容量は ${free} バイトですが、証跡ファイル ${file} には最大 ${needed} バイト必要です。切り詰めを記録できないため、何も変更していません`,
    incidentRoomHint: '証跡ファイルは空きのある場所に置いてください（/dev/shm、/run、別のディスク）。',
    spoolShrank: (spool: string, from: string, to: string) =>
      `${spool} は採取後に ${from} バイトから ${to} バイトへ縮みました（メールクライアントが書き換えた可能性）。いまの中身は採取されていません。何も変更していません`,
    captureAgain: 'もう一度採取してから切り詰めてください（承知のうえなら --accept-loss）。',
    noIncidentToKeep: '残しておく証跡ファイルがありません',
    moreThanKept: (mib: string) => `ロックを取ったまま残せる ${mib} MiB を超えています`,
    lateMail: (bytes: string, spool: string, reason: string) => `採取後に ${bytes} バイトが ${spool} に届きましたが、${reason}。何も変更していません`,
    lateMailHint: 'もう一度採取してから切り詰めてください（破棄してよいなら --accept-loss）。',
    incidentUnwritable: (file: string, message: string) => `証跡ファイル ${file} に書き込めません: ${message}。何も変更していません`,
    noIncidentFile: (spool: string) => `${spool} の採取を記録した証跡ファイルがありません`,
    incidentUnreadable: (file: string, message: string) => `証跡ファイル ${file} を読めません: ${message}`,
    noCapture: (file: string, spool: string, ino: string) =>
      `${file} には ${spool}（inode ${ino}）の採取がありません。採取していないメールは破棄しません。何も変更していません。`,
    notAFile: (spool: string) => `${spool} は通常のファイルではありません。切り詰めるのは mbox スプールだけです`,
    dotlockDirectory: (dir: string, name: string) => `${dir}（${name}.lock の dotlock を置く場所）`,
    cannotWrite: (what: string, code: string) => `${what} に書き込めません: ${code}`,
  },
});
