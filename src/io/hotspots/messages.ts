import type { Language } from '../../core/i18n/speak.js';
import { catalogue } from '../../core/i18n/speak.js';

// What starting a hotspot scan and its export say: why a start is not scanned, why an export file
// is refused, and why a scan stopped.
export const hotspotsIoText = catalogue({
  en: {
    mountDoesNotAnswer: (path: string, fstype: string, source: string, why: string) => `spoolrescue hotspots: ${path} is on ${fstype} ${source}, which does not answer: ${why}`,
    mountHint: 'Nothing was scanned. Check the server or daemon behind that mount.',
    noSuchDirectory: (path: string) => `spoolrescue hotspots: ${path}: no such directory`,
    checkPath: 'Check the path (with --root, paths are looked up under the root).',
    cannotExamine: (path: string, why: string) => `spoolrescue hotspots: cannot examine ${path}: ${why}`,
    symlink: (path: string, target: string) => `spoolrescue hotspots: ${path} is a symlink (to ${target}); not followed`,
    runOnTarget: (command: string) => `Run it on the target: ${command}   (or add --follow)`,
    notDirectory: (path: string, bytes: number) => `spoolrescue hotspots: ${path} is not a directory (${bytes} bytes allocated)`,
    notDirectoryHint: 'Give the directory that holds it; to look inside a spool use capture.',
    workerFailed: (why: string) => `spoolrescue hotspots: a scan worker failed: ${why}`,
    workerStopped: (code: number) => `spoolrescue hotspots: a scan worker stopped unexpectedly (exit ${code})`,
    exportNoDirectory: (dir: string) => `the directory of the export file does not exist: ${dir}`,
    exportNoDirectoryHint: 'Create it, or pick a file in an existing directory.',
    exportNotFile: (file: string) => `${file} exists and is not a regular file; nothing was written`,
    exportNotFileHint: 'Pick another name.',
    exportOnScanned: (start: string) => `it is on the filesystem being scanned (${start})`,
    exportRefused: (file: string, problems: string) => `refusing to write the export ${file}: ${problems}. Nothing was scanned or written.`,
    spillEndedEarly: (got: number, total: number) => `the scan's spill file ended early (${got} of ${total} bytes)`,
    entriesNotExamined: (count: number, code: string) => `${count} entries could not be examined (${code})`,
    dirDenied: (code: string) => `cannot read directory: permission denied (${code})`,
    dirVanished: 'vanished during the scan (ENOENT)',
    dirReplaced: 'replaced by a non-directory during the scan (ENOTDIR)',
    dirIoError: 'cannot read directory: I/O error (EIO)',
    dirUnreadable: (why: string) => `cannot read directory: ${why}`,
  },
  ja: {
    mountDoesNotAnswer: (path: string, fstype: string, source: string, why: string) => `spoolrescue hotspots: ${path} は ${fstype} ${source} 上にあり、応答がありません: ${why}`,
    mountHint: '何も走査していません。そのマウントの先のサーバかデーモンを確認してください。',
    noSuchDirectory: (path: string) => `spoolrescue hotspots: ${path}: そのようなディレクトリはありません`,
    checkPath: 'パスを確認してください（--root があれば、パスはその下で探します）。',
    cannotExamine: (path: string, why: string) => `spoolrescue hotspots: ${path} を調べられません: ${why}`,
    symlink: (path: string, target: string) => `spoolrescue hotspots: ${path} はシンボリックリンク（${target} へ）です。たどりません`,
    runOnTarget: (command: string) => `リンク先で実行してください: ${command}   （または --follow を付けてください）`,
    notDirectory: (path: string, bytes: number) => `spoolrescue hotspots: ${path} はディレクトリではありません（割り当て ${bytes} バイト）`,
    notDirectoryHint: 'それを含むディレクトリを指定してください。スプールの中身を見るには capture を使います。',
    workerFailed: (why: string) => `spoolrescue hotspots: 走査ワーカーが失敗しました: ${why}`,
    workerStopped: (code: number) => `spoolrescue hotspots: 走査ワーカーが予期せず終了しました（exit ${code}）`,
    exportNoDirectory: (dir: string) => `エクスポートファイルのディレクトリがありません: ${dir}`,
    exportNoDirectoryHint: 'ディレクトリを作るか、既存のディレクトリにあるファイルを指定してください。',
    exportNotFile: (file: string) => `${file} は存在し、通常のファイルではありません。何も書き込んでいません`,
    exportNotFileHint: '別の名前を指定してください。',
    exportOnScanned: (start: string) => `走査中のファイルシステム上にあります（${start}）`,
    exportRefused: (file: string, problems: string) => `エクスポート ${file} の書き込みを拒否しました: ${problems}。何も走査も書き込みもしていません。`,
    spillEndedEarly: (got: number, total: number) => `走査の一時ファイルが途中で終わりました（${total} バイト中 ${got} バイト）`,
    entriesNotExamined: (count: number, code: string) => `${count} 個の項目を調べられませんでした（${code}）`,
    dirDenied: (code: string) => `ディレクトリを読めません: 権限がありません（${code}）`,
    dirVanished: '走査中に消えました（ENOENT）',
    dirReplaced: '走査中にディレクトリ以外のものに置き換わりました（ENOTDIR）',
    dirIoError: 'ディレクトリを読めません: I/O エラー（EIO）',
    dirUnreadable: (why: string) => `ディレクトリを読めません: ${why}`,
  },
});

// Words what a scan worker could not read (its code and figures, see WorkerBatch.errMsgs) with the
// catalogue t: the report keeps English (hotspotsIoText('en')), as --json shows it.
export function scanErrorWords(wire: string, language?: Language): string {
  const t = hotspotsIoText(language);
  const [kind, code = '', ...rest] = wire.split(':');
  if (kind === 'stat') return t.entriesNotExamined(Number(code), rest.join(':'));
  if (code === 'EACCES' || code === 'EPERM') return t.dirDenied(code);
  if (code === 'ENOENT') return t.dirVanished;
  if (code === 'ENOTDIR') return t.dirReplaced;
  if (code === 'EIO') return t.dirIoError;
  return t.dirUnreadable(rest.join(':'));
}
