import { catalogue } from '../i18n/speak.js';

// What a queue verdict says: a title and one sentence of evidence, made of its counts (percentages
// come formatted, e.g. "75%").
export const queueVerdictText = catalogue({
  en: {
    backscatterTitle: 'backscatter suspected',
    backscatter: (n: number, of: number, pct: string, domains: number) => `${n} of ${of} messages (${pct}) have the null sender <> (bounce notices), to ${domains} recipient domains`,
    loginTitle: (login: string) => `compromised login suspected: ${login}`,
    login: (login: string, n: number, of: number, pct: string, pctSasl: string, sasl: number) => `SASL login ${login} sent ${n} of ${of} messages (${pct}; ${pctSasl} of the ${sasl} authenticated ones)`,
    clientTitle: (client: string) => `one client dominates: ${client}`,
    client: (client: string, n: number, of: number, pct: string, pctNet: string, network: number) => `client ${client} sent ${n} of ${of} messages (${pct}; ${pctNet} of the ${network} from the network)`,
    stormTitle: (uid: string) => `local storm: uid ${uid}`,
    storm: (local: number, of: number, pct: string, n: number, pctLocal: string, uid: string, maildrop: number) =>
      `${local} of ${of} messages (${pct}) were submitted locally, ${n} of them (${pctLocal}) by uid ${uid}${maildrop ? `; ${maildrop} still in maildrop` : ''} (cron, a web application?)`,
  },
  ja: {
    backscatterTitle: 'バックスキャッターの疑い',
    backscatter: (n: number, of: number, pct: string, domains: number) => `メール ${of} 通のうち ${n} 通 (${pct}) が空の送信者 <>（エラー通知）で、宛先ドメインは ${domains} 個です`,
    loginTitle: (login: string) => `ログインの乗っ取りの疑い: ${login}`,
    login: (login: string, n: number, of: number, pct: string, pctSasl: string, sasl: number) => `SASL ログイン ${login} がメール ${of} 通のうち ${n} 通 (${pct}。認証済み ${sasl} 通の ${pctSasl}) を送信しました`,
    clientTitle: (client: string) => `1 つのクライアントが大半を占めています: ${client}`,
    client: (client: string, n: number, of: number, pct: string, pctNet: string, network: number) => `クライアント ${client} がメール ${of} 通のうち ${n} 通 (${pct}。ネットワーク経由 ${network} 通の ${pctNet}) を送信しました`,
    stormTitle: (uid: string) => `ローカルからの大量送信: uid ${uid}`,
    storm: (local: number, of: number, pct: string, n: number, pctLocal: string, uid: string, maildrop: number) =>
      `メール ${of} 通のうち ${local} 通 (${pct}) がローカルで投入され、うち ${n} 通 (${pctLocal}) は uid ${uid} からです${maildrop ? `。${maildrop} 通はまだ maildrop にあります` : ''}（cron や Web アプリケーション？）`,
  },
});
