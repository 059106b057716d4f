import { catalogue } from '../i18n/speak.js';

const en = {
  notResponding: (message: string) => `not responding: ${message}; it was left alone`,
  statfsFailed: (message: string) => `statfs failed: ${message}`,
  bytesUsed: (percent: number, avail: string) => `bytes ${percent}% used, ${avail} left for ordinary users`,
  reserveOnly: (reserve: string) => `bytes full for ordinary users (only root may still write into the ${reserve} reserve)`,
  bytesFull: 'bytes full: every write fails with "No space left on device"',
  inodesFull: 'inodes 100% used: no new file can be created, even with bytes free',
  inodesUsed: (percent: number, free: string) => `inodes ${percent}% used, ${free} left: new files will soon fail`,
  readOnly: (remount: boolean) => `mounted read-only: nothing can be written here${remount ? ' (errors=remount-ro: the kernel may have remounted it after I/O errors; see dmesg)' : ''}`,
  deletedOpen: (bytes: string) => `${bytes} held by deleted files still open: restart their holders (listed below)`,
  heads: { mount: 'Mounted on', type: 'Type', size: 'Size', used: 'Used', avail: 'Avail', use: 'Use%', rsvd: 'Rsvd', ifree: 'IFree', iuse: 'IUse%' },
  noDeletedOpen: 'No deleted files are held open.',
  deletedOpenHead: (n: number) => `Deleted but still open (${n}; df counts them, du cannot see them):`,
  deletedOpenCols: { pid: 'PID', command: 'COMMAND', fd: 'FD', holds: 'HOLDS', path: 'PATH' },
  more: (n: number) => `  ... and ${n} more (see --json)`,
  toFree: 'To free the space, restart the holder, or empty the file in place:',
  skipped: (n: number) => `(${n} ${n === 1 ? 'process' : 'processes'} could not be examined: they ended or denied access)`,
};

// What the df report says: why a filesystem is flagged, the table's column titles, the
// deleted-but-open files. The English words are also the `reason` of `df --json`.
export const disksText = catalogue({
  en,
  ja: {
    notResponding: (message: string) => `応答がありません（${message}）。触らずにおきました`,
    statfsFailed: (message: string) => `statfs に失敗しました（${message}）`,
    bytesUsed: (percent: number, avail: string) => `容量の ${percent}% を使用、一般ユーザーの空き容量は ${avail}`,
    reserveOnly: (reserve: string) => `一般ユーザーにはディスクフル（${reserve} の予約ブロックには root だけが書き込めます）`,
    bytesFull: 'ディスクフル: 書き込みはすべて「No space left on device」で失敗します',
    inodesFull: 'inode を 100% 使用: 空き容量があっても新しいファイルを作れません',
    inodesUsed: (percent: number, free: string) => `inode を ${percent}% 使用、残り ${free}: 間もなく新しいファイルを作れなくなります`,
    readOnly: (remount: boolean) => `読み取り専用でマウントされています: ここには何も書き込めません${remount ? '（errors=remount-ro: I/O エラーの後にカーネルが再マウントした可能性があります。dmesg を確認してください）' : ''}`,
    deletedOpen: (bytes: string) => `削除済みだが開かれたままのファイルが ${bytes} を占めています: 開いているプロセスを再起動してください（下に一覧）`,
    heads: { mount: 'マウント先', type: '種類', size: 'サイズ', used: '使用量', avail: '残り', use: '使用', rsvd: '予約', ifree: 'I残り', iuse: 'I使用' },
    noDeletedOpen: '削除済みだが開かれたままのファイルはありません。',
    deletedOpenHead: (n: number) => `削除済みだが開かれたまま (${n} 個。df は数えますが du には見えません):`,
    deletedOpenCols: { pid: 'PID', command: 'コマンド', fd: 'FD', holds: '占有', path: 'パス' },
    more: (n: number) => `  ... ほか ${n} 個（--json で確認できます）`,
    toFree: '空き容量を戻すには、開いているプロセスを再起動するか、その場でファイルを空にします:',
    skipped: (n: number) => `（${n} 個のプロセスは調べられませんでした: 終了したか、アクセスを拒否されました）`,
  },
});
