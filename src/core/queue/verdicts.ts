import { topOf, type EvidenceTally } from './evidence-tally.js';

// A suspicion about what filled the queue: its code and the counts behind it, so the operator can
// judge; the words are made when it is shown (verdict-words.ts), in English for --json.
export type VerdictFacts =
  | { code: 'backscatter'; messages: number; nullSender: number; bounceDomains: number }
  | { code: 'compromised-login'; messages: number; login: string; sent: number; withSasl: number }
  | { code: 'relay-client'; messages: number; client: string; sent: number; network: number }
  | { code: 'local-storm'; messages: number; uid: string; local: number; byUid: number; maildrop: number };

// A suspicion with the --match that selects the suspected messages and the share they are (0..1).
export type Verdict = VerdictFacts & { match: string; share: number };

/** Below this many messages a queue is not a flood: no verdicts. */
const MIN_MESSAGES = 10;

// Verdicts from the tally: backscatter (most senders <> to many domains), one SASL login or one
// client address dominating, a local storm (most local mail from one uid).
export function verdictsOf(t: EvidenceTally): Verdict[] {
  const out: Verdict[] = [];
  if (t.messages < MIN_MESSAGES) return out;
  if (t.nullSender / t.messages >= 0.5 && t.bounceDomains.size >= 3) {
    out.push({ code: 'backscatter', messages: t.messages, nullSender: t.nullSender, bounceDomains: t.bounceDomains.size, match: 'sender=<>', share: t.nullSender / t.messages });
  }
  const login = topOf(t.sasl);
  if (login && login[1] / t.messages >= 0.3 && login[1] / t.withSasl >= 0.5) {
    out.push({ code: 'compromised-login', messages: t.messages, login: login[0], sent: login[1], withSasl: t.withSasl, match: `sasl=${login[0]}`, share: login[1] / t.messages });
  }
  const client = topOf(t.clients);
  if (client && client[1] / t.messages >= 0.3 && client[1] / t.network >= 0.5 && !(login && login[1] >= client[1] * 0.9)) {
    out.push({ code: 'relay-client', messages: t.messages, client: client[0], sent: client[1], network: t.network, match: `client=${client[0]}`, share: client[1] / t.messages });
  }
  const uid = topOf(t.uids);
  if (uid && t.local / t.messages >= 0.5 && uid[1] / t.local >= 0.5) {
    out.push({ code: 'local-storm', messages: t.messages, uid: uid[0], local: t.local, byUid: uid[1], maildrop: t.maildrop, match: `uid=${uid[0]}`, share: uid[1] / t.messages });
  }
  return out;
}
