import { testAddressText } from './test-address-messages.js';

// The address the test message after the purge goes to: a local name (root) or user@domain
// (root@localhost, ops-test@example.org). Checked before it reaches sendmail's command line,
// so that nothing in it is read as an option or a second recipient.

// Why the address cannot be used, or null when it can.
export function testAddressProblem(address: string): string | null {
  return /^[A-Za-z0-9_+=][A-Za-z0-9._+=-]*(@[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)?$/.test(address) && address.length <= 254 ? null : testAddressText().bad(address);
}

// The local name whose mailbox a delivery lands in: the name itself, or user@localhost's user;
// null for another domain (only the mail log tells then).
export function localMailboxName(address: string): string | null {
  const [user, domain] = address.split('@');
  return domain === undefined || domain.toLowerCase() === 'localhost' ? user : null;
}

// The queue ID the mail log gives the message with this Message-ID (cleanup's line), or null.
export function queueIdOf(log: string, messageId: string): string | null {
  const i = log.lastIndexOf(`: message-id=<${messageId}>`);
  if (i < 0) return null;
  return /([0-9A-Za-z]+)$/.exec(log.slice(log.lastIndexOf('\n', i) + 1, i))?.[1] ?? null;
}

// The mail log's line with the final status of that queue ID's delivery (sent, bounced,
// expired), or null while there is none (deferred is not final).
export function finalStatusLine(log: string, queueId: string): string | null {
  for (const line of log.split('\n')) {
    if (line.includes(` ${queueId}: to=<`) && /, status=(sent|bounced|expired)\b/.test(line)) return line;
  }
  return null;
}
