import { catalogue } from '../i18n/speak.js';

// What the Postfix checks say: no mailbox limit, long queue lifetimes, unknown recipients accepted.
export const postfixRulesText = catalogue({
  en: {
    postfixDefault: (name: string) => `${name} (Postfix default)`,
    mailboxUnlimited: 'mailbox_size_limit = 0: local delivery grows a mailbox without limit',
    mailboxBelowMessage: (limit: string, msg: string) => `mailbox_size_limit = ${limit} is smaller than message_size_limit = ${msg}: local(8) refuses to start`,
    mailboxWhy: "Postfix's default (50 MB) stops a root mbox from eating the disk; a multi-GB root mailbox means the limit was lifted",
    mailboxFix: (limit: string) => `postconf -e mailbox_size_limit=${limit}, then postfix reload`,
    lifetimes: (settings: string, storm: boolean) =>
      `${settings}${storm ? ' on a server whose mail log shows a retry storm' : ' (the mail log was not checked for a retry storm)'}`,
    lifetimeWhy: 'undeliverable mail (backscatter, a dead relay) is retried for days: the queue and the mail log grow the whole time (seed 001)',
    lifetimeFix: 'postconf -e maximal_queue_lifetime=1d bounce_queue_lifetime=1d, then postfix reload',
    /** files: the mail logs the step read, joined, or null when the record does not name them. */
    stormSeen: (files: string | null, verdicts: string) => `the mail log analysed in the incident file${files !== null ? ` (${files})` : ''} shows: ${verdicts}`,
    stormNotSeen: (files: string | null) => `the mail log analysed in the incident file${files !== null ? ` (${files})` : ''} shows no retry storm`,
    stormVerdicts: { retryStorm: 'retry-storm', backscatter: 'backscatter' },
    lrmOverride: (service: string) => `${service} overrides local_recipient_maps to empty`,
    lrmEmpty: 'local_recipient_maps is empty',
    unlistedOverride: (service: string) => `${service} sets smtpd_reject_unlisted_recipient = no`,
    unlistedNo: 'smtpd_reject_unlisted_recipient = no',
    unknownAccepted: (causes: string, luserRelay: string | null) =>
      `mail for unknown local users is accepted, then bounced: ${causes}${luserRelay !== null ? `; luser_relay = ${luserRelay} takes it all` : ''}`,
    unknownWhy:
      'each accepted message for a user that does not exist becomes a bounce to a forged sender: backscatter that sits in the queue and is retried for days. Seed 003 silenced it with luser_relay to a /dev/null alias, which hides the bounces but still accepts every spam; rejecting at SMTP time (550 before the message is taken) costs nothing and bounces nothing',
    unknownFix:
      'restore the defaults: postconf -X local_recipient_maps, postconf -e smtpd_reject_unlisted_recipient=yes (and drop the master.cf overrides named), then postfix reload',
    joined: '; ',
  },
  ja: {
    postfixDefault: (name: string) => `${name}（Postfix の既定値）`,
    mailboxUnlimited: 'mailbox_size_limit = 0: ローカル配送でメールボックスが際限なく大きくなります',
    mailboxBelowMessage: (limit: string, msg: string) => `mailbox_size_limit = ${limit} が message_size_limit = ${msg} より小さいため local(8) が起動しません`,
    mailboxWhy: 'Postfix の既定値 (50 MB) なら root の mbox がディスクを食いつぶすことはありません。数 GB の root メールボックスは制限が外されている証拠です',
    mailboxFix: (limit: string) => `postconf -e mailbox_size_limit=${limit} のあと postfix reload を実行してください`,
    lifetimes: (settings: string, storm: boolean) => `${settings}${storm ? '（メールログに再送の嵐が見られるサーバーです）' : '（メールログで再送の嵐を確かめていません）'}`,
    lifetimeWhy: '配送できないメール（バックスキャッター、止まった中継先）が何日も再送され、その間キューとメールログが増え続けます (seed 001)',
    lifetimeFix: 'postconf -e maximal_queue_lifetime=1d bounce_queue_lifetime=1d のあと postfix reload を実行してください',
    stormSeen: (files: string | null, verdicts: string) => `証跡ファイルで解析したメールログ${files !== null ? ` (${files})` : ''}に見られるもの: ${verdicts}`,
    stormNotSeen: (files: string | null) => `証跡ファイルで解析したメールログ${files !== null ? ` (${files})` : ''}に再送の嵐は見られません`,
    stormVerdicts: { retryStorm: '再送の嵐', backscatter: 'バックスキャッター' },
    lrmOverride: (service: string) => `${service} が local_recipient_maps を空に上書きしています`,
    lrmEmpty: 'local_recipient_maps が空です',
    unlistedOverride: (service: string) => `${service} が smtpd_reject_unlisted_recipient = no を設定しています`,
    unlistedNo: 'smtpd_reject_unlisted_recipient = no',
    unknownAccepted: (causes: string, luserRelay: string | null) =>
      `存在しないローカルユーザー宛てのメールを受け取ってから返送しています: ${causes}${luserRelay !== null ? `。luser_relay = ${luserRelay} がすべて引き受けます` : ''}`,
    unknownWhy:
      '存在しないユーザー宛てに受け取ったメールは、詐称された送信者への返送（バックスキャッター）になり、キューに溜まって何日も再送されます。seed 003 は luser_relay を /dev/null の alias に向けて黙らせましたが、返送が見えなくなるだけでスパムはすべて受け取り続けます。SMTP の段階で拒否すれば（受け取る前に 550）費用もかからず返送も生じません',
    unknownFix:
      '既定値に戻してください: postconf -X local_recipient_maps、postconf -e smtpd_reject_unlisted_recipient=yes（挙げた master.cf の上書きも削除）のあと postfix reload',
    joined: '。',
  },
});
