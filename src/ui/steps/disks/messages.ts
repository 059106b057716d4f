import { catalogue } from '../../../core/i18n/speak.js';

// What the Disks step says.
export const disksText = catalogue({
  en: {
    label: 'Disks',
    short: 'Disks',
    openBar: 'scan it',
    openHelp: 'scan the selected filesystem for hotspots',
  },
  ja: {
    label: 'ディスク',
    short: 'ディスク',
    openBar: 'スキャン',
    openHelp: '選んだファイルシステムをスキャンして容量の大きい場所を探す',
  },
});
