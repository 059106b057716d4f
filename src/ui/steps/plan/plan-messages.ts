import { catalogue } from '../../../core/i18n/speak.js';

// What the Plan screen says about the mail log's first look and the test message's address.
export const planText = catalogue({
  en: {
    firstLookFailed: (error: string) => `NOT taken: the mail log's first look: ${error}`,
  },
  ja: {
    firstLookFailed: (error: string) => `取得できませんでした: メールログの概観: ${error}`,
  },
});
