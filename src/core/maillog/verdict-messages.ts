import { catalogue } from '../i18n/speak.js';

// What the mail log's verdicts say: a title and lines of evidence each, made of their figures
// (bytes and percentages come formatted); Postfix's words and parameter names stay as they are.
export const maillogVerdictText = catalogue({
  en: {
    diskFullTitle: (since: string) => `disk full since ${since}`,
    diskSignal: (count: number, text: string, first: string, last: string) => `${count} x "${text}" from ${first} to ${last}`,
    stormTitle: (id: string, attempts: number, recipient: string | null) => `retry storm: ${id} was tried ${attempts} times${recipient ? ` for <${recipient}>` : ''}`,
    perDay: (list: string, peak: number, peakDay: string) => `attempts per day: ${list} (peak ${peak} on ${peakDay})`,
    lastReason: (reason: string) => `last reason: ${reason}`,
    lifetime: (livedPast: boolean, days: string, first: string, last: string, status: string) =>
      `${livedPast ? 'lived past' : 'within'} maximal_queue_lifetime (${days} d), first seen ${first}, last ${last}; status ${status}`,
    also: (id: string, attempts: number) => `also ${id}: ${attempts} attempts`,
    backscatterTitle: (pct: string) => `backscatter: ${pct} of queued messages have the null sender <>`,
    nullFrom: (n: number, of: number) => `${n} of ${of} qmgr from= lines are from=<>`,
    bounceNotices: (n: number) => `${n} non-delivery notifications created here`,
    stormIsBounce: 'the retry storm above is such a bounce that cannot be delivered',
    loginTitle: (pct: string, login: string) => `one SASL login sent ${pct} of the accepted mail: ${login}`,
    accepted: (n: number, of: number) => `${n} of ${of} messages accepted by smtpd`,
    loginHint: 'a compromised password looks like this: check the login, change its password',
    clientTitle: (pct: string, client: string) => `one client sent ${pct} of the accepted mail: ${client}`,
    clientHint: 'check mynetworks and smtpd_relay_restrictions',
    deferralsTitle: (pct: string) => `${pct} of delivery attempts were deferred`,
    reason: (count: number, reason: string) => `${count} x ${reason}`,
    growthTitle: (from: string, peakBytes: string, peakDay: string, medianBytes: string) => `the log grew from ${from}: ${peakBytes} on ${peakDay} against ${medianBytes} on a median day`,
    mover: (process: string, bytes: string, day: string, factor: string | null) => `${process}: ${bytes} on ${day} (${factor !== null ? `${factor}x` : 'new'} its median day)`,
  },
  ja: {
    diskFullTitle: (since: string) => `${since} からディスクフル`,
    diskSignal: (count: number, text: string, first: string, last: string) => `${count} 回 "${text}"（${first} 〜 ${last}）`,
    stormTitle: (id: string, attempts: number, recipient: string | null) => `再送の嵐: ${id} を ${attempts} 回試行${recipient ? `（宛先 <${recipient}>）` : ''}`,
    perDay: (list: string, peak: number, peakDay: string) => `日別の試行回数: ${list}（最多は ${peakDay} の ${peak} 回）`,
    lastReason: (reason: string) => `最後の理由: ${reason}`,
    lifetime: (livedPast: boolean, days: string, first: string, last: string, status: string) =>
      `maximal_queue_lifetime (${days} d) を${livedPast ? '超えて残りました' : '超えていません'}。初出 ${first}、最終 ${last}、状態 ${status}`,
    also: (id: string, attempts: number) => `ほかに ${id}: ${attempts} 回`,
    backscatterTitle: (pct: string) => `バックスキャッター: キューに入ったメールの ${pct} が空の送信者 <> です`,
    nullFrom: (n: number, of: number) => `qmgr の from= 行 ${of} 行のうち ${n} 行が from=<> です`,
    bounceNotices: (n: number) => `このサーバーで作られた配送不能通知: ${n} 通`,
    stormIsBounce: '上の再送の嵐は、配送できないこうしたエラー通知です',
    loginTitle: (pct: string, login: string) => `1 つの SASL ログインが受け付けたメールの ${pct} を送信: ${login}`,
    accepted: (n: number, of: number) => `smtpd が受け付けたメール ${of} 通のうち ${n} 通`,
    loginHint: 'パスワードが漏れたときの形です。このログインを確かめ、パスワードを変更してください',
    clientTitle: (pct: string, client: string) => `1 つのクライアントが受け付けたメールの ${pct} を送信: ${client}`,
    clientHint: 'mynetworks と smtpd_relay_restrictions を確かめてください',
    deferralsTitle: (pct: string) => `配送の試行の ${pct} が deferred でした`,
    reason: (count: number, reason: string) => `${count} 回: ${reason}`,
    growthTitle: (from: string, peakBytes: string, peakDay: string, medianBytes: string) => `${from} からログが増えました: ${peakDay} に ${peakBytes}（中央値の日は ${medianBytes}）`,
    mover: (process: string, bytes: string, day: string, factor: string | null) => `${process}: ${day} に ${bytes}（${factor !== null ? `中央値の日の ${factor} 倍` : '中央値の日にはなし'}）`,
  },
});
