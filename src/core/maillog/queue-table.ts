// Per-queue-ID facts for millions of messages in bounded memory: one Map from ID to a slot, and
// the facts in typed arrays (no object per message). A message's slot is freed when Postfix logs
// "removed", after its facts went into the totals; retried IDs keep a small side record with their
// attempts per day, recipient and last reason (the storms an operator wants to see).

// Final state of a message as the log tells it.
export const enum QStatus {
  None = 0,
  Sent = 1,
  Deferred = 2,
  Bounced = 3,
  Expired = 4,
  Other = 5,
}

// Status words as written after "status=", by QStatus.
export const STATUS_NAMES = ['unknown', 'sent', 'deferred', 'bounced', 'expired', 'other'] as const;

// The side record of a retried message.
export interface RetriedFacts {
  /** Attempts per day number (days since 1970-01-01). */
  perDay: Map<number, number>;
  recipient: string;
  reason: string;
}

// What the table keeps about one message when it is reported.
export interface QueueIdFacts {
  queueId: string;
  attempts: number;
  firstWall: number;
  lastWall: number;
  status: QStatus;
  removed: boolean;
  retried?: RetriedFacts;
}

// When a message becomes "retried" (gets a side record).
const RETRIED_FROM = 3;

// Bounds: slots tracked at once, and retried side records.
export interface QueueTableLimits {
  maxIds: number;
  maxRetried: number;
}

// Default bounds: ~1.5 million messages in flight take ~150 MB.
export const DEFAULT_QUEUE_LIMITS: QueueTableLimits = { maxIds: 1_500_000, maxRetried: 200_000 };

// The table.
export class QueueTable {
  readonly index = new Map<string, number>();
  private free: number[] = [];
  private used = 0;
  attempts = new Uint32Array(1024);
  firstWall = new Float64Array(1024);
  lastWall = new Float64Array(1024);
  status = new Uint8Array(1024);
  /** Day numbers of the first two attempts (before a side record exists). */
  day1 = new Int32Array(1024);
  day2 = new Int32Array(1024);
  ids: string[] = [];
  readonly retried = new Map<number, RetriedFacts>();
  /** Messages first seen (each reuse of a short ID after "removed" counts again). */
  distinct = 0;
  /** Lines about messages not tracked because the table was full. */
  untrackedLines = 0;
  /** Retried messages without a side record because too many were kept. */
  retriedUntracked = 0;
  /** Slot of the ID last looked up by its place in a line (the lines of one message come close). */
  private lastSlot = -1;

  constructor(readonly limits: QueueTableLimits = DEFAULT_QUEUE_LIMITS) {}

  private grow(): void {
    const n = this.attempts.length * 2;
    const g = <T extends Uint32Array | Float64Array | Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a as never);
      return b;
    };
    this.attempts = g(this.attempts, (k) => new Uint32Array(k));
    this.firstWall = g(this.firstWall, (k) => new Float64Array(k));
    this.lastWall = g(this.lastWall, (k) => new Float64Array(k));
    this.status = g(this.status, (k) => new Uint8Array(k));
    this.day1 = g(this.day1, (k) => new Int32Array(k));
    this.day2 = g(this.day2, (k) => new Int32Array(k));
  }

  // Slot of a queue ID already in the table (its last time moved to t), else -1.
  find(id: string, t: number): number {
    const i = this.index.get(id);
    if (i === undefined) return -1;
    if (t > this.lastWall[i]) this.lastWall[i] = t;
    return i;
  }

  // Slot of a queue ID seen at wall time t, created on first sight; -1 when the table is full.
  slot(id: string, t: number): number {
    let i = this.index.get(id);
    if (i !== undefined) {
      if (t > this.lastWall[i]) this.lastWall[i] = t;
      return i;
    }
    if (this.index.size >= this.limits.maxIds) {
      this.untrackedLines++;
      return -1;
    }
    if (this.free.length) i = this.free.pop()!;
    else {
      i = this.used++;
      if (i >= this.attempts.length) this.grow();
    }
    // a key sliced from a chunk would keep the whole chunk alive: store a flat copy
    const key = id.length >= 13 ? Buffer.from(id, 'latin1').toString('latin1') : id;
    this.index.set(key, i);
    this.ids[i] = key;
    this.attempts[i] = 0;
    this.firstWall[i] = t;
    this.lastWall[i] = t;
    this.status[i] = QStatus.None;
    this.distinct++;
    return i;
  }

  // slot() for the ID written at text[m..k): cut out and hashed only when it is not the ID looked
  // up last (qmgr's from=, the delivery's to= and removed of one message often follow each other).
  slotAt(text: string, m: number, k: number, t: number): number {
    const i = this.lastAt(text, m, k, t);
    return i >= 0 ? i : (this.lastSlot = this.slot(text.substring(m, k), t));
  }

  // find() for the ID written at text[m..k), with the same shortcut as slotAt.
  findAt(text: string, m: number, k: number, t: number): number {
    const i = this.lastAt(text, m, k, t);
    return i >= 0 ? i : (this.lastSlot = this.find(text.substring(m, k), t));
  }

  // The slot looked up last when text[m..k) is its ID (its last time moved to t), else -1.
  private lastAt(text: string, m: number, k: number, t: number): number {
    const i = this.lastSlot;
    if (i < 0 || this.ids[i].length !== k - m || !text.startsWith(this.ids[i], m)) return -1;
    if (t > this.lastWall[i]) this.lastWall[i] = t;
    return i;
  }

  // Records a delivery attempt on day `dayNo` with its outcome; the recipient (text[from..to)) is
  // cut out only when a side record needs it.
  attempt(i: number, dayNo: number, st: QStatus, text: string, from: number, to: number, reason: string): void {
    const n = ++this.attempts[i];
    this.status[i] = st;
    if (n === 1) this.day1[i] = dayNo;
    else if (n === 2) this.day2[i] = dayNo;
    let r = this.retried.get(i);
    if (!r && n >= RETRIED_FROM) {
      if (this.retried.size >= this.limits.maxRetried) {
        if (n === RETRIED_FROM) this.retriedUntracked++;
        return;
      }
      const perDay = new Map<number, number>();
      perDay.set(this.day1[i], 1);
      perDay.set(this.day2[i], (perDay.get(this.day2[i]) ?? 0) + 1);
      perDay.set(dayNo, (perDay.get(dayNo) ?? 0) + 1);
      this.retried.set(i, { perDay, recipient: flat(text.substring(from, to)), reason });
      return;
    }
    if (r) {
      r.perDay.set(dayNo, (r.perDay.get(dayNo) ?? 0) + 1);
      if (reason) r.reason = reason;
    }
  }

  // The facts of slot i.
  facts(i: number, removed: boolean): QueueIdFacts {
    return { queueId: this.ids[i], attempts: this.attempts[i], firstWall: this.firstWall[i], lastWall: this.lastWall[i], status: this.status[i] as QStatus, removed, retried: this.retried.get(i) };
  }

  // Frees slot i (its message was removed); a retried message keeps its side record elsewhere.
  release(i: number): void {
    if (i === this.lastSlot) this.lastSlot = -1;
    this.index.delete(this.ids[i]);
    this.retried.delete(i);
    this.ids[i] = '';
    this.free.push(i);
  }

  // Every slot still in use.
  *live(): Generator<number> {
    for (const i of this.index.values()) yield i;
  }
}

// A copy of a string that does not share memory with the chunk it was cut from.
function flat(s: string): string {
  return s.length >= 13 ? Buffer.from(s, 'latin1').toString('latin1') : s;
}
