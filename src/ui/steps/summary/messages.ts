import { catalogue } from '../../../core/i18n/speak.js';

// What the Summary step says.
export const summaryText = catalogue({
  en: {
    label: 'Summary',
    short: 'Sum',
    openBar: 'review fix',
    openHelp: 'review the fix of the selected finding; Enter again asks you to type its code, then applies it',
    cancelHelp: 'close the review of a fix (nothing is changed)',
  },
  ja: {
    label: 'まとめ',
    short: 'まとめ',
    openBar: '対策を確認',
    openHelp: '選んだ指摘の対策を確認。もう一度 Enter でコードの入力を求め、適用します',
    cancelHelp: '対策の確認を閉じる（何も変更しません）',
  },
});
