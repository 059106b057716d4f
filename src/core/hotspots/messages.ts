import { catalogue } from '../i18n/speak.js';

// What the human hotspots report says: where the scan was, its totals, the tables' titles and
// column heads, what was not entered or not read.
export const hotspotsReportText = catalogue({
  en: {
    underRoot: (start: string, root: string) => `${start} under root ${root}`,
    where: (where: string, device: string, fstype: string, mount: string) => `${where} on ${device} (${fstype}, mounted at ${mount})`,
    totals: (bytes: string, exact: string, entries: string, dirs: string, seconds: string) => `${bytes} (${exact} bytes allocated) in ${entries} entries, ${dirs} directories, ${seconds}s`,
    relative: (start: string) => `Paths below are relative to ${start} (./ is that directory).`,
    byBytes: 'Most bytes in files directly inside',
    byEntries: 'Most entries directly inside',
    largest: 'Largest files',
    heads: { bytes: 'BYTES', entries: 'ENTRIES', subtree: 'SUBTREE', size: 'SIZE', path: 'PATH' },
    incomplete: '(! = could not be read completely; see below)',
    notEntered: (mounts: string) => `Not entered (other filesystems): ${mounts}`,
    errors: (n: string) => `Could not read everything (${n}; totals leave these out):`,
    moreErrors: (n: string) => `  ... and ${n} more (see --json)`,
  },
  ja: {
    underRoot: (start: string, root: string) => `${start}（ルート ${root} の下）`,
    where: (where: string, device: string, fstype: string, mount: string) => `${where}（${device}、${fstype}、マウント先 ${mount}）`,
    totals: (bytes: string, exact: string, entries: string, dirs: string, seconds: string) => `${bytes}（割り当て ${exact} バイト）、${entries} エントリ、${dirs} ディレクトリ、${seconds}s`,
    relative: (start: string) => `以下のパスは ${start} からの相対パスです（./ はそのディレクトリ）。`,
    byBytes: '直下のファイルのバイト数が多い場所',
    byEntries: '直下のエントリ数が多い場所',
    largest: '大きいファイル',
    heads: { bytes: 'バイト', entries: 'エントリ', subtree: '配下合計', size: 'サイズ', path: 'パス' },
    incomplete: '（! = 完全には読めませんでした。下を参照）',
    notEntered: (mounts: string) => `入らなかった場所（別のファイルシステム）: ${mounts}`,
    errors: (n: string) => `読めなかったもの（${n} 件。合計には含みません）:`,
    moreErrors: (n: string) => `  ... ほか ${n} 件（--json で確認できます）`,
  },
});
