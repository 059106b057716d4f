import { catalogue } from '../i18n/speak.js';

// What the open-relay check says: an smtpd without reject_unauth_destination, a wide mynetworks.
export const relayRulesText = catalogue({
  en: {
    noGuard: (service: string) => `${service}: neither smtpd_relay_restrictions nor smtpd_recipient_restrictions has reject_unauth_destination`,
    /** hostNetworks: this host's networks joined, 'none' when it has none, null when they are not known (--root). */
    wideNetworks: (wide: string, hostNetworks: string | null) =>
      `mynetworks holds ${wide}, wider than ${hostNetworks !== null ? `this host's networks (${hostNetworks})` : "a /24 (the host's own networks are not known under --root)"}`,
    none: 'none',
    joined: '; ',
    why: 'a relay open to the Internet or to a wide network is found within hours and floods the queue with spam (seed 003: 1,188 messages); the bounces then fill it again',
    fix: "keep Postfix's default smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination (reject_unauth_destination after the permits you need) and mynetworks limited to this host's networks (mynetworks_style = host); not edited automatically: the order of restrictions and who may relay are yours to decide",
  },
  ja: {
    noGuard: (service: string) => `${service}: smtpd_relay_restrictions にも smtpd_recipient_restrictions にも reject_unauth_destination がありません`,
    wideNetworks: (wide: string, hostNetworks: string | null) =>
      `mynetworks の ${wide} は${hostNetworks !== null ? `このホストのネットワーク (${hostNetworks})` : ' /24（--root ではホスト自身のネットワークが分かりません）'}より広い範囲です`,
    none: 'なし',
    joined: '。',
    why: 'インターネットや広いネットワークに開いた中継は数時間で見つかり、キューがスパムであふれます (seed 003: 1,188 通)。その返送がまたキューを埋めます',
    fix: 'Postfix の既定値 smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination（必要な permit のあとに reject_unauth_destination）を保ち、mynetworks はこのホストのネットワークに限ってください (mynetworks_style = host)。制限の順序と中継を許す相手は管理者が決めることなので自動では編集しません',
  },
});
