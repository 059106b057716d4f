import { catalogue } from '../../../core/i18n/speak.js';

// What the Plan screen says about the mail log's first look and the test message's address.
export const planText = catalogue({
  en: {
    firstLookFailed: (error: string) => `NOT taken: the mail log's first look: ${error}`,
    mailFlowStep: 'Start Postfix if stopped; see a test message delivered (address asked)',
    addressPrompt: 'Send the test message to (Enter: as shown; erase all to skip): ',
    addressAgain: (address: string) => `Not a local name or user@domain: '${address}'. Enter asks again.`,
  },
  ja: {
    firstLookFailed: (error: string) => `取得できませんでした: メールログの概観: ${error}`,
    mailFlowStep: 'Postfix が止まっていれば起動し、テストメールの配送を確認 (宛先を尋ねます)',
    addressPrompt: 'テストメールの宛先 (Enter: 表示のまま / 全部消すとスキップ): ',
    addressAgain: (address: string) => `ローカル名でも user@domain でもありません: '${address}'。Enter でもう一度尋ねます。`,
  },
});
