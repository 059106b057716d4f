import { addressDomain, pendingRecipients, type QueueMessage } from './message.js';

// Counts the verdicts need, kept while the queue streams by; every map is capped (a flood of
// random senders or addresses must not grow memory without bound).
export interface EvidenceTally {
  messages: number;
  nullSender: number;
  /** Distinct recipient domains of <> messages (capped at CAP). */
  bounceDomains: Set<string>;
  withSasl: number;
  sasl: Map<string, number>;
  network: number;
  clients: Map<string, number>;
  local: number;
  /** Local messages per submitting uid. */
  uids: Map<string, number>;
  maildrop: number;
}

const CAP = 50_000;

// An empty tally.
export function newTally(): EvidenceTally {
  return { messages: 0, nullSender: 0, bounceDomains: new Set(), withSasl: 0, sasl: new Map(), network: 0, clients: new Map(), local: 0, uids: new Map(), maildrop: 0 };
}

function bump(map: Map<string, number>, key: string): void {
  const n = map.get(key);
  if (n !== undefined) map.set(key, n + 1);
  else if (map.size < CAP) map.set(key, 1);
}

// Adds one message's facts.
export function tallyMessage(t: EvidenceTally, m: QueueMessage): void {
  t.messages++;
  if (m.sender === '') {
    t.nullSender++;
    for (const r of pendingRecipients(m)) if (t.bounceDomains.size < CAP) t.bounceDomains.add(addressDomain(r.address));
  }
  if (m.sasl_username) {
    t.withSasl++;
    bump(t.sasl, m.sasl_username);
  }
  if (m.origin === 'network') {
    t.network++;
    if (m.client_address) bump(t.clients, m.client_address);
  } else {
    t.local++;
    if (m.uid !== null) bump(t.uids, String(m.uid));
  }
  if (m.queue_name === 'maildrop') t.maildrop++;
}

// The most frequent key of a map with its count.
export function topOf(map: ReadonlyMap<string, number>): [string, number] | null {
  let best: [string, number] | null = null;
  for (const [k, n] of map) if (!best || n > best[1] || (n === best[1] && k < best[0])) best = [k, n];
  return best;
}
