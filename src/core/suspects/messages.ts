import { catalogue } from '../i18n/speak.js';

const en = {
  queue: (name: string) => `Postfix ${name} queue`,
  clientQueue: 'sendmail client queue',
  mailSpool: 'mail spool',
  rootMailbox: "root's mailbox",
  mailboxOf: (user: string) => `${user}'s mailbox`,
  lockOf: (user: string) => `lock of ${user}'s mailbox`,
  mailLog: 'mail log',
  mailLogPart: 'mail log (rotated or split)',
  logFile: 'log file',
  logDir: 'log directory',
  journal: 'systemd journal',
  tmp: 'temporary files',
  dirReason: (label: string, size: string, parts: number, neverShrinks: boolean, entries: string, how: string) =>
    `${label}: the directory itself is ${size}${parts ? ` with its ${parts} hashed subdirectories` : ''}, so it ${neverShrinks ? 'holds or once held' : 'holds'} about ${entries} entries (${how})`,
  fileReason: (label: string, size: string) => `${label}: ${size} on disk`,
  ext4: '~29 bytes of directory per entry on ext4 (queue-ID-length names)',
  tmpfs: '20 bytes of directory per entry on tmpfs (exact)',
  btrfs: '~22 bytes per entry on btrfs (twice the name length)',
  xfs: '~32 bytes of directory per entry on xfs',
  other: (fstype: string) => `~29 bytes of directory per entry (ext4's figure; ${fstype || 'unknown filesystem'} not modelled)`,
  took: (ms: number) => ` (${ms} ms, no scan)`,
  none: (took: string) => `Likely culprits${took}: none among Postfix's queues, the mail spool, the logs and /tmp.`,
  heading: (took: string) => `Likely culprits${took}, from the size of each place's own inode:`,
  line: (path: string, mount: string, reason: string) => `* ${path} on ${mount}: ${reason}`,
  confirm: 'The full scan confirms: spoolrescue hotspots MOUNT',
};

// What the likely culprits are called and why they are named. The English words are also the
// `label` and `reason` of `df --json`.
export const suspectsText = catalogue({
  en,
  ja: {
    queue: (name: string) => `Postfix の ${name} キュー`,
    clientQueue: 'sendmail のクライアントキュー',
    mailSpool: 'メールスプール',
    rootMailbox: 'root のメールボックス',
    mailboxOf: (user: string) => `${user} のメールボックス`,
    lockOf: (user: string) => `${user} のメールボックスのロック`,
    mailLog: 'メールログ',
    mailLogPart: 'メールログ（ローテート済みか分割）',
    logFile: 'ログファイル',
    logDir: 'ログディレクトリ',
    journal: 'systemd ジャーナル',
    tmp: '一時ファイル',
    dirReason: (label: string, size: string, parts: number, neverShrinks: boolean, entries: string, how: string) =>
      `${label}: ディレクトリ自体が ${size}${parts ? `（ハッシュサブディレクトリ ${parts} 個を含む）` : ''} あるため、約 ${entries} 個のエントリが${neverShrinks ? 'あるか、かつてありました' : 'あります'}（${how}）`,
    fileReason: (label: string, size: string) => `${label}: ディスク上で ${size}`,
    ext4: 'ext4 ではエントリあたり約 29 バイト（キュー ID の長さの名前）',
    tmpfs: 'tmpfs ではエントリあたり 20 バイト（正確）',
    btrfs: 'btrfs ではエントリあたり約 22 バイト（名前の長さの 2 倍）',
    xfs: 'xfs ではエントリあたり約 32 バイト',
    other: (fstype: string) => `エントリあたり約 29 バイト（ext4 の値。${fstype || '不明なファイルシステム'} は未対応）`,
    took: (ms: number) => `（${ms} ms、スキャンなし）`,
    none: (took: string) => `原因候補${took}: Postfix のキュー、メールスプール、ログ、/tmp には見当たりません。`,
    heading: (took: string) => `原因候補${took}。各場所の inode 自体のサイズから:`,
    line: (path: string, mount: string, reason: string) => `* ${path}（${mount} 上）: ${reason}`,
    confirm: '全体のスキャンで確かめます: spoolrescue hotspots MOUNT',
  },
});

// The words in English: what `df --json` says whatever the operator's language.
export const suspectsTextInEnglish = (): typeof en => en;
