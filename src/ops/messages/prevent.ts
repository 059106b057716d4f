import { catalogue } from '../../core/i18n/speak.js';

// What the prevention use case says when it refuses what it was asked to apply.
export const preventOpText = catalogue({
  en: {
    notACode: (token: string) => `'${token}' is not a finding code`,
    listsCodes: 'spoolrescue prevent --help lists the codes',
    otherBackupDir: (dir: string) => `choose another --backup-dir (default ${dir})`,
  },
  ja: {
    notACode: (token: string) => `'${token}' は指摘のコードではありません`,
    listsCodes: 'コードの一覧は spoolrescue prevent --help にあります',
    otherBackupDir: (dir: string) => `別の --backup-dir を指定してください（既定 ${dir}）`,
  },
});
