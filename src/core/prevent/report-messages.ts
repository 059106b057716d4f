import { catalogue } from '../i18n/speak.js';

// What the prevent report and the review before --apply say around the findings and the diffs.
export const preventReportText = catalogue({
  en: {
    severity: { high: 'HIGH', medium: 'MEDIUM', low: 'LOW', info: 'INFO' },
    why: (v: string) => `why: ${v}`,
    fix: (v: string) => `fix: ${v}`,
    apply: (id: string) => `  [--apply ${id}]`,
    adviceOnly: ' (advice only)',
    findings: (count: number) => `${count} finding${count > 1 ? 's' : ''} on this host:`,
    noFindings: 'No findings: nothing here will fill the disk again that these checks know of.',
    notChecked: 'Not checked (could not be read):',
    backups: (dir: string) => `Backups of the files before the change go to ${dir} (outside every directory read as configuration).`,
    then: 'Then:',
    liveOnly: ' (live system only)',
    ifRunning: ' (when Postfix runs)',
    note: (v: string) => `Note: ${v}`,
  },
  ja: {
    severity: { high: '高', medium: '中', low: '低', info: '情報' },
    why: (v: string) => `理由: ${v}`,
    fix: (v: string) => `対処: ${v}`,
    apply: (id: string) => `  [--apply ${id}]`,
    adviceOnly: '（助言のみ）',
    findings: (count: number) => `このホストの指摘 ${count} 件:`,
    noFindings: '指摘はありません: このチェックが知る限り、ここには再びディスクを埋めるものはありません。',
    notChecked: '確認できなかったもの（読み取れません）:',
    backups: (dir: string) => `変更前のファイルのバックアップは ${dir} に置きます（設定として読まれるどのディレクトリの外でもあります）。`,
    then: '続けて実行:',
    liveOnly: '（稼働中のシステムのみ）',
    ifRunning: '（Postfix が動いているとき）',
    note: (v: string) => `注: ${v}`,
  },
});
