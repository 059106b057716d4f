import { catalogue } from '../i18n/speak.js';

// What the first-look section of the incident file says (the evidence in one go writes it).
export const firstLookText = catalogue({
  en: {
    title: (files: number) => `mail log first look (${files} file${files === 1 ? '' : 's'})`,
    what: 'sizes, first and last time stamps and bytes per day, found by seeking (the lines are not read)',
  },
  ja: {
    title: (files: number) => `メールログの概観 (${files} ファイル)`,
    what: 'サイズ、最初と最後のタイムスタンプ、日ごとのバイト数 (シークで求めたもの。行は読んでいません)',
  },
});
