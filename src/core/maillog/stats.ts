import { CappedCounter } from './capped-counter.js';
import { DEFAULT_QUEUE_LIMITS, QStatus, QueueTable, STATUS_NAMES, type QueueIdFacts, type QueueTableLimits } from './queue-table.js';
import { DISK_SIGNALS } from './reasons.js';

// Everything the full pass accumulates, in one mutable object the line scanner feeds. Plain data
// plus the queue table; report.ts turns it into the JSON the CLI and the walk show.

// What a process (syslog tag) does, for the per-line dispatch.
export const enum TagKind {
  Other = 0,
  Delivery = 1,
  Qmgr = 2,
  Smtpd = 3,
  Pickup = 4,
  Cleanup = 5,
  Bounce = 6,
  PostfixOther = 7,
}

const DELIVERY = new Set(['smtp', 'lmtp', 'local', 'virtual', 'pipe', 'error', 'retry', 'discard']);

// Kind of a syslog tag such as "postfix/smtp" or "postfix-out/qmgr" (any name before the slash).
function tagKind(tag: string): TagKind {
  const slash = tag.lastIndexOf('/');
  if (slash < 0) return TagKind.Other;
  const p = tag.slice(slash + 1);
  if (DELIVERY.has(p)) return TagKind.Delivery;
  if (p === 'qmgr') return TagKind.Qmgr;
  if (p === 'smtpd') return TagKind.Smtpd;
  if (p === 'pickup') return TagKind.Pickup;
  if (p === 'cleanup') return TagKind.Cleanup;
  if (p === 'bounce') return TagKind.Bounce;
  return TagKind.PostfixOther;
}

// Lines and bytes of one day, by tag index.
export interface DayCounts {
  lines: number[];
  bytes: number[];
}

// First/last time and count of one disk-full signal.
export interface SignalFacts {
  count: number;
  firstWall: number;
  lastWall: number;
  example: string;
}

// One folded reason with its count and first/last time.
export interface ReasonFacts {
  reason: string;
  count: number;
  firstWall: number;
  lastWall: number;
  /** Index into DISK_SIGNALS when the reason is a disk-full signal, else -1. */
  signal: number;
}

// Options of a pass that change what is counted.
export interface StatsOptions {
  /** Wall-clock seconds (the log's own clock); lines outside are skipped. */
  sinceWall?: number;
  untilWall?: number;
  /** maximal_queue_lifetime in seconds (default 5 days). */
  lifetimeSecs?: number;
  queueLimits?: QueueTableLimits;
  /** How many retried messages to keep for the report. */
  topRetried?: number;
}

// The accumulated state.
export class MaillogStats {
  lines = 0;
  bytes = 0;
  /** Lines with no time stamp or no process name (garbage, cut lines). */
  unparsed = 0;
  unparsedExamples: string[] = [];
  /** Lines outside --since/--until. */
  skipped = 0;
  firstWall = Infinity;
  lastWall = -Infinity;
  /** The time zone offset as written in ISO stamps ("+09:00"), when the log had one. */
  offset = '';
  readonly tags: string[] = [];
  readonly tagKinds: TagKind[] = [];
  readonly days = new Map<number, DayCounts>();
  readonly statuses = new Map<string, number>();
  /** Delivery attempts by QStatus (unknown, sent, deferred, bounced, expired, other). */
  readonly deliveryStatus = [0, 0, 0, 0, 0, 0];
  rejected = 0;
  acceptedSmtp = 0;
  fromLines = 0;
  nullSender = 0;
  bounceNotices = 0;
  removed = 0;
  readonly finals = new Map<string, number>();
  livedPastLifetime = 0;
  readonly clients = new CappedCounter();
  readonly sasl = new CappedCounter();
  readonly uids = new CappedCounter(5000);
  readonly destinations = new CappedCounter();
  readonly deferredDestinations = new CappedCounter();
  readonly otherQueueLines = new CappedCounter(500);
  readonly reasons = new Map<string, ReasonFacts>();
  reasonsOverflow = 0;
  /** Raw reason text → its folded entry (cleared when it grows too big). */
  readonly reasonCache = new Map<string, ReasonFacts>();
  readonly signals: (SignalFacts | null)[] = DISK_SIGNALS.map(() => null);
  readonly queue: QueueTable;
  /** The most retried messages already removed (the live ones are added at report time). */
  readonly retiredTop: QueueIdFacts[] = [];
  readonly lifetimeSecs: number;
  readonly topRetried: number;

  constructor(readonly options: StatsOptions = {}) {
    this.queue = new QueueTable(options.queueLimits ?? DEFAULT_QUEUE_LIMITS);
    this.lifetimeSecs = options.lifetimeSecs ?? 5 * 86400;
    this.topRetried = options.topRetried ?? 20;
  }

  // Index of a tag, added on first sight.
  addTag(tag: string): number {
    const flatTag = tag.length >= 13 ? Buffer.from(tag, 'latin1').toString('latin1') : tag;
    this.tags.push(flatTag);
    this.tagKinds.push(tagKind(flatTag));
    return this.tags.length - 1;
  }

  // The counts of one day, created on first sight.
  day(dayNo: number): DayCounts {
    let d = this.days.get(dayNo);
    if (!d) {
      d = { lines: [], bytes: [] };
      this.days.set(dayNo, d);
    }
    return d;
  }

  // Counts a disk-full signal seen at wall time t.
  signal(k: number, t: number, line: string): void {
    const f = this.signals[k];
    if (!f) this.signals[k] = { count: 1, firstWall: t, lastWall: t, example: line.slice(0, 300) };
    else {
      f.count++;
      if (t < f.firstWall) f.firstWall = t;
      if (t > f.lastWall) f.lastWall = t;
    }
  }

  // Closes a message's record (Postfix removed it): its facts go into the totals, its slot is freed.
  finish(i: number): void {
    const q = this.queue;
    this.removed++;
    const f = q.facts(i, true);
    this.account(f);
    q.release(i);
  }

  // Adds one message's final facts to the totals and the top of retried messages.
  account(f: QueueIdFacts): void {
    const name = finalName(f);
    this.finals.set(name, (this.finals.get(name) ?? 0) + 1);
    if (f.lastWall - f.firstWall > this.lifetimeSecs) this.livedPastLifetime++;
    if (!f.retried) return;
    const top = this.retiredTop;
    if (top.length < this.topRetried) top.push(f);
    else {
      let min = 0;
      for (let k = 1; k < top.length; k++) if (top[k].attempts < top[min].attempts) min = k;
      if (f.attempts > top[min].attempts) top[min] = f;
    }
  }
}

// The name of a message's final state ("sent", "deferred" for one still waiting, ...).
export function finalName(f: QueueIdFacts): string {
  if (f.status === QStatus.None) return f.removed ? 'removed-undelivered' : 'no-delivery-yet';
  return STATUS_NAMES[f.status];
}
