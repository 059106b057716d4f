import { catalogue } from '../../../core/i18n/speak.js';

// What the Evidence step says.
export const evidenceText = catalogue({
  en: {
    label: 'Evidence',
    short: 'Evid',
    allBar: 'all filesystems',
    allHelp: 'also offer filesystems that are troubled or too full',
  },
  ja: {
    label: '証跡',
    short: '証跡',
    allBar: 'すべてのファイルシステム',
    allHelp: '問題のある、または空き容量の少ないファイルシステムも候補に出す',
  },
});
