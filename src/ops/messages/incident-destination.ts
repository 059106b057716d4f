import { catalogue } from '../../core/i18n/speak.js';

// What the incident file's destination check says: why a file or its directory is refused, and
// why a filesystem is not offered (or is hidden) as the place for the incident file.
export const incidentDestinationText = catalogue({
  en: {
    noDirectory: (dir: string) => `the directory of the incident file does not exist: ${dir}`,
    noDirectoryHint: 'Create it, or pick a file in an existing directory.',
    notDirectory: (dir: string) => `${dir} is not a directory`,
    refused: (file: string, why: string) => `refusing to write the incident file ${file}: ${why}. Nothing was written.`,
    required: 'an incident file is required (where the evidence is appended)',
    readOnly: 'read-only',
    noFigures: 'no figures: statfs did not answer',
    holdsSource: 'holds what is being rescued',
    notWritable: 'not writable here',
    flagged: 'flagged on the Disks screen',
  },
  ja: {
    noDirectory: (dir: string) => `証跡ファイルのディレクトリがありません: ${dir}`,
    noDirectoryHint: 'ディレクトリを作成するか、既存のディレクトリ内のファイルを指定してください。',
    notDirectory: (dir: string) => `${dir} はディレクトリではありません`,
    refused: (file: string, why: string) => `証跡ファイル ${file} への書き込みを拒否しました: ${why}。何も書き込んでいません。`,
    required: '証跡ファイルの指定が必要です（証跡を追記する先）',
    readOnly: '読み取り専用',
    noFigures: '数値なし: statfs が応答しませんでした',
    holdsSource: '救出対象を含みます',
    notWritable: 'ここには書き込めません',
    flagged: 'ディスク画面で警告が出ています',
  },
});
