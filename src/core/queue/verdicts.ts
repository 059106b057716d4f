import { topOf, type EvidenceTally } from './evidence-tally.js';

// A suspicion about what filled the queue, with the numbers behind it so the operator can judge.
export interface Verdict {
  code: 'backscatter' | 'compromised-login' | 'relay-client' | 'local-storm';
  title: string;
  /** The numbers, one sentence. */
  evidence: string;
  /** A --match that selects the suspected messages. */
  match: string;
  /** Share of all messages the suspicion covers (0..1). */
  share: number;
}

/** Below this many messages a queue is not a flood: no verdicts. */
const MIN_MESSAGES = 10;
const pct = (n: number, d: number) => `${Math.round((100 * n) / Math.max(1, d))}%`;

// Verdicts from the tally: backscatter (most senders <> to many domains), one SASL login or one
// client address dominating, a local storm (most local mail from one uid).
export function verdictsOf(t: EvidenceTally): Verdict[] {
  const out: Verdict[] = [];
  if (t.messages < MIN_MESSAGES) return out;
  if (t.nullSender / t.messages >= 0.5 && t.bounceDomains.size >= 3) {
    out.push({
      code: 'backscatter',
      title: 'backscatter suspected',
      evidence: `${t.nullSender} of ${t.messages} messages (${pct(t.nullSender, t.messages)}) have the null sender <> (bounce notices), to ${t.bounceDomains.size} recipient domains`,
      match: 'sender=<>',
      share: t.nullSender / t.messages,
    });
  }
  const login = topOf(t.sasl);
  if (login && login[1] / t.messages >= 0.3 && login[1] / t.withSasl >= 0.5) {
    out.push({
      code: 'compromised-login',
      title: `compromised login suspected: ${login[0]}`,
      evidence: `SASL login ${login[0]} sent ${login[1]} of ${t.messages} messages (${pct(login[1], t.messages)}; ${pct(login[1], t.withSasl)} of the ${t.withSasl} authenticated ones)`,
      match: `sasl=${login[0]}`,
      share: login[1] / t.messages,
    });
  }
  const client = topOf(t.clients);
  if (client && client[1] / t.messages >= 0.3 && client[1] / t.network >= 0.5 && !(login && login[1] >= client[1] * 0.9)) {
    out.push({
      code: 'relay-client',
      title: `one client dominates: ${client[0]}`,
      evidence: `client ${client[0]} sent ${client[1]} of ${t.messages} messages (${pct(client[1], t.messages)}; ${pct(client[1], t.network)} of the ${t.network} from the network)`,
      match: `client=${client[0]}`,
      share: client[1] / t.messages,
    });
  }
  const uid = topOf(t.uids);
  if (uid && t.local / t.messages >= 0.5 && uid[1] / t.local >= 0.5) {
    out.push({
      code: 'local-storm',
      title: `local storm: uid ${uid[0]}`,
      evidence: `${t.local} of ${t.messages} messages (${pct(t.local, t.messages)}) were submitted locally, ${uid[1]} of them (${pct(uid[1], t.local)}) by uid ${uid[0]}${t.maildrop ? `; ${t.maildrop} still in maildrop` : ''} (cron, a web application?)`,
      match: `uid=${uid[0]}`,
      share: uid[1] / t.messages,
    });
  }
  return out;
}
