// One queue file as triage sees it: postqueue -j's fields under their Postfix names, plus what
// postqueue does not show (client, SASL login, helo, origin, uid, bytes on disk, parse errors).

// The Postfix queues triage reads, in the order Postfix moves mail through them.
export const QUEUE_NAMES = ['maildrop', 'incoming', 'active', 'deferred', 'hold', 'corrupt'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

// A recipient of the message: pending (R) or already done (D); delay_reason from the defer log.
export interface QueueRecipient {
  address: string;
  orig_address?: string;
  done: boolean;
  delay_reason?: string;
}

// Everything read from one queue file (and its defer log when asked).
export interface QueueMessage {
  queue_name: QueueName;
  queue_id: string;
  /** Path below the queue directory ("deferred/2/24EB9888E"). */
  path: string;
  /** Arrival time, epoch seconds (T record; file mtime when there is none, as postqueue does). */
  arrival_time: number;
  /** Next delivery attempt (deferred queue: the file's mtime), epoch seconds; null elsewhere. */
  next_retry: number | null;
  /** Bytes of the file on disk. */
  file_bytes: number;
  /** Message content size (C record), or the file size when there is none (maildrop). */
  message_size: number;
  /** Envelope sender exactly as stored: '' is the null sender <> (bounces). null when unreadable. */
  sender: string | null;
  recipients: QueueRecipient[];
  sasl_method: string | null;
  sasl_username: string | null;
  client_address: string | null;
  client_name: string | null;
  helo: string | null;
  /** 'network' when smtpd/qmqpd received it (a client address), else 'local' (sendmail, pickup). */
  origin: 'local' | 'network';
  /** Submitting user: the maildrop file's owner, or "from userid N" in pickup's Received header. */
  uid: number | null;
  /** The file is complete (owner-execute bit set, as Postfix marks finished files). */
  complete: boolean;
  /** Why parts could not be read (truncated, not records, pointer loop); empty when clean. */
  errors: QueueProblem[];
  /** First message headers (only when asked: samples for review and the incident file). */
  headers?: string[];
}

// What kept a queue file from being read whole: the parser's and the reader's codes.
type QueueProblemCode =
  | 'ends-before-end'
  | 'ends-in-length'
  | 'length-no-end'
  | 'length-implausible'
  | 'record-past-end'
  | 'not-queue-file'
  | 'pointer-loop'
  | 'duplicate-sender'
  | 'content-no-end'
  | 'too-many-reads'
  | 'no-sender';

// One problem as facts (a plain object: cheap to pass between threads), worded where it is shown
// (core/queue/envelope-problems.ts): offsets, lengths, a byte, a count, in the code's order.
export interface QueueProblem {
  code: QueueProblemCode;
  figures: number[];
}

// The recipients still to deliver (what qshape and postqueue count).
export function pendingRecipients(m: QueueMessage): QueueRecipient[] {
  return m.recipients.filter((r) => !r.done);
}

// The domain part of an address as qshape shows it: lowercase, MAILER-DAEMON for <>.
export function addressDomain(address: string): string {
  if (address === '') return 'MAILER-DAEMON';
  const at = address.lastIndexOf('@');
  const d = (at === -1 ? address : address.slice(at + 1)).toLowerCase().replace(/\.\.+/g, '.').replace(/^\.|\.$/g, '');
  return d || 'MAILER-DAEMON';
}

// A message an action will touch: where it is, and its size for the review.
export interface SelectedMessage {
  queue: QueueName;
  id: string;
  rel: string;
  bytes: number;
}
