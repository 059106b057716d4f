import { catalogue } from '../i18n/speak.js';

// What is said about the test message's address and its delivery after the purge.
export const testAddressText = catalogue({
  en: {
    bad: (address: string) => `the test address must be a local name or user@domain: ${address}`,
    delivered: (address: string, line: string) => `delivered to ${address}: ${line}`,
    notDelivered: (address: string, line: string) => `NOT delivered to ${address}: ${line}`,
    seenInMailbox: (mailbox: string) => `delivered to ${mailbox} (no mail log line seen)`,
    queued: (queueId: string) => `queue ID ${queueId}`,
  },
  ja: {
    bad: (address: string) => `テスト宛先はローカル名か user@domain で指定してください: ${address}`,
    delivered: (address: string, line: string) => `${address} に配送されました: ${line}`,
    notDelivered: (address: string, line: string) => `${address} に配送されませんでした: ${line}`,
    seenInMailbox: (mailbox: string) => `${mailbox} に配送されました (メールログの行は見つかりません)`,
    queued: (queueId: string) => `キューID ${queueId}`,
  },
});
