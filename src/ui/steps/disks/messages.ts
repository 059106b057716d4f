import { catalogue } from '../../../core/i18n/speak.js';

// What the Disks step says.
export const disksText = catalogue({
  en: {
    label: 'Disks',
    short: 'Disks',
    openBar: 'scan it',
    openHelp: 'scan the selected filesystem for hotspots',
    noFilesystem: 'No filesystem to pick yet.',
    atStart: (flagged: string) => `Disks at start: ${flagged}`,
    atStartNone: 'Disks at start: no filesystem flagged',
    suspectEntries: (n: string, bytes: string) => `~${n} entries (dir ${bytes})`,
    suspectsNotLooked: 'Likely culprits: not looked at',
    suspectsNone: 'Likely culprits: none on this filesystem among the mail queues, spool, logs and /tmp',
    suspectsHead: 'Likely culprits (no scan yet): ',
    more: (n: number) => `; +${n} more`,
  },
  ja: {
    label: 'ディスク',
    short: 'ディスク',
    openBar: 'スキャン',
    openHelp: '選んだファイルシステムをスキャンして容量の大きい場所を探す',
    noFilesystem: '選べるファイルシステムがまだありません。',
    atStart: (flagged: string) => `開始時のディスク: ${flagged}`,
    atStartNone: '開始時のディスク: 問題のあるファイルシステムなし',
    suspectEntries: (n: string, bytes: string) => `約 ${n} エントリ（ディレクトリ ${bytes}）`,
    suspectsNotLooked: '原因候補: 未調査',
    suspectsNone: '原因候補: このファイルシステムのメールキュー、スプール、ログ、/tmp にはなし',
    suspectsHead: '原因候補（未スキャン）: ',
    more: (n: number) => `; 他 ${n} 件`,
  },
});
