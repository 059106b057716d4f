import { catalogue } from '../i18n/speak.js';

// The plan's steps in a few words, as the Disks screen offers the plan.
export const planOutlineText = catalogue({
  en: {
    outline: (purge: boolean, name: string, mailFlow: boolean) => `evidence, ${purge ? 'purge' : 'truncate'} ${name}, ${mailFlow ? 'mail flow, ' : ''}summary`,
  },
  ja: {
    outline: (purge: boolean, name: string, mailFlow: boolean) => `証跡、${name} を${purge ? '削除 (purge)' : '切り詰め'}、${mailFlow ? 'メール配送の確認、' : ''}まとめ`,
  },
});
