import { catalogue } from '../core/i18n/speak.js';

// What the walk writes into the incident file (障害報告書): its table's headings and its prose.
export const incidentText = catalogue({
  en: {
    tableHead: '| filesystem | used before | used after | bytes freed | inodes freed |',
    noneChanged: '| (no filesystem changed) | | | | |',
    whatWasDone: 'What the walk did:',
    prevention: (open: number) => `So that it does not happen again (${open} finding${open === 1 ? '' : 's'} open):`,
    finding: (id: string, severity: string, where: string, what: string, fix: string) => `- [ ] \`${id}\` (${severity}) ${where}: ${what}; fix: ${fix}`,
  },
  ja: {
    tableHead: '| ファイルシステム | 使用量（前） | 使用量（後） | 解放したバイト | 解放した inode |',
    noneChanged: '| （変化したファイルシステムなし） | | | | |',
    whatWasDone: 'ウォークで行ったこと:',
    prevention: (open: number) => `再発防止（未対応の指摘 ${open} 件）:`,
    finding: (id: string, severity: string, where: string, what: string, fix: string) => `- [ ] \`${id}\` (${severity}) ${where}: ${what}。対策: ${fix}`,
  },
});
