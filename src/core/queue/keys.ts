import { addressDomain, pendingRecipients, type QueueMessage } from './message.js';

// What a qshape-style row can be keyed by (--by KEY).
export const GROUP_KEYS = ['domain', 'sender', 'sender-domain', 'sasl', 'client', 'uid', 'reason', 'queue'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

const NONE = '(none)';

// The row labels one message contributes under a key: one per distinct pending recipient domain
// for `domain` (qshape counts recipients, see counts), one label for the others.
export function rowKeys(m: QueueMessage, key: GroupKey): string[] {
  switch (key) {
    case 'domain':
      return pendingRecipients(m).map((r) => addressDomain(r.address));
    case 'sender':
      return [m.sender === null ? NONE : m.sender === '' ? '<>' : m.sender.toLowerCase()];
    case 'sender-domain':
      return [m.sender === null ? NONE : addressDomain(m.sender)];
    case 'sasl':
      return [m.sasl_username ?? NONE];
    case 'client':
      return [m.client_address ? `${m.client_name ?? 'unknown'}[${m.client_address}]` : m.origin === 'local' ? '(local)' : NONE];
    case 'uid':
      return [m.uid === null ? NONE : String(m.uid)];
    case 'reason': {
      const reasons = new Set(pendingRecipients(m).map((r) => shortReason(r.delay_reason)));
      return reasons.size ? [...reasons] : [NONE];
    }
    case 'queue':
      return [m.queue_name];
  }
}

// A delay reason without the details that differ per host (addresses, ports), so alike reasons
// group together: "connect to 127.0.0.1[127.0.0.1]:9: Connection refused" -> "connect to ...: Connection refused".
function shortReason(reason: string | undefined): string {
  if (!reason) return NONE;
  return reason
    // i18n-ignore: Postfix's own words, shortened as they are
    .replace(/^connect to \S+:/, 'connect to ...:')
    .replace(/^host \S+ said:/, 'host ... said:')
    .replace(/\s+/g, ' ')
    .slice(0, 120);
}
