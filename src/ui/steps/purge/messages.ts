import { catalogue } from '../../../core/i18n/speak.js';

// What the Purge/Truncate step says.
export const purgeText = catalogue({
  en: {
    label: 'Purge/Truncate',
    short: 'Purge',
    helpTitle: 'Purge / truncate',
    openBar: 'purge',
    openHelp: 'purge or truncate: asks you to type the name first',
  },
  ja: {
    label: '削除/切り詰め',
    short: '削除',
    helpTitle: '削除 (purge) / 切り詰め',
    openBar: '削除',
    openHelp: '削除 (purge) または切り詰め：先に名前の入力を求めます',
  },
});
