import { catalogue } from '../i18n/speak.js';

// What the incident file's closing section says: the timeline, what each step freed, the findings.
export const timelineText = catalogue({
  en: {
    timeline: '### Timeline',
    /** since: the first captured message's date, already escaped, or null when nothing was captured. */
    pilingSince: (since: string | null) => `- Mail piling up since: ${since !== null ? `**${since}** (first captured message)` : 'unknown (no capture in this incident file)'}`,
    fullSince: (since: string | null) => `- Disk full since: ${since !== null ? `**${since}**` : 'unknown (no disk-full log line recorded; spoolrescue maillog finds it)'}`,
    stepsHead: '| time (UTC) | step | what | bytes freed | inodes freed | filesystem |',
    noSteps: '| | (no truncate or purge recorded) | | | | |',
    totalsHead: '| filesystem | bytes freed | inodes freed |',
    truncated: (path: string) => `truncated ${path}`,
    emptied: (dir: string, strategy: string) => `emptied ${dir} (${strategy})`,
    prevention: '### Prevention',
    fixed: (ids: string | null) => `- Fixed: ${ids ?? 'none'}`,
    stillOpen: (any: boolean) => `- Still open:${any ? '' : ' none'}`,
  },
  ja: {
    timeline: '### 経過',
    pilingSince: (since: string | null) => `- メールが溜まり始めた時刻: ${since !== null ? `**${since}**（採取した最初のメール）` : '不明（この証跡ファイルに採取の記録がありません）'}`,
    fullSince: (since: string | null) => `- ディスクフルになった時刻: ${since !== null ? `**${since}**` : '不明（ディスクフルのログ行が記録されていません。spoolrescue maillog で見つかります）'}`,
    stepsHead: '| 時刻 (UTC) | ステップ | 内容 | 解放したバイト数 | 解放した inode 数 | ファイルシステム |',
    noSteps: '| | （切り詰めも削除 (purge) も記録されていません） | | | | |',
    totalsHead: '| ファイルシステム | 解放したバイト数 | 解放した inode 数 |',
    truncated: (path: string) => `${path} を切り詰め`,
    emptied: (dir: string, strategy: string) => `${dir} を空にした (${strategy})`,
    prevention: '### 再発防止',
    fixed: (ids: string | null) => `- 対処済み: ${ids ?? 'なし'}`,
    stillOpen: (any: boolean) => `- 未対処:${any ? '' : ' なし'}`,
  },
});
