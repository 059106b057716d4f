// The shape of the full pass's report, apart from the code that builds it (report.ts) and the
// code that draws conclusions from it (verdicts.ts), so neither has to import the other.

// One conclusion: its code and the figures and names that back it; worded when shown
// (verdict-words.ts), in English for --json.
export type MaillogVerdict =
  | { code: 'disk-full'; signals: { text: string; count: number; first: string; last: string }[] }
  | { code: 'retry-storm'; top: RetriedRow; peak: { day: string; attempts: number }; lifetimeSecs: number; also: { queueId: string; attempts: number }[] }
  | { code: 'backscatter'; share: number; nullSender: number; fromLines: number; bounceNotices: number; afterStorm: boolean }
  | { code: 'login-abuse' | 'relay-abuse'; key: string; count: number; accepted: number }
  | { code: 'deferrals'; deferred: number; attempts: number; reasons: { count: number; reason: string }[] }
  | { code: 'log-growth'; from: string; peakDay: string; peakBytes: number; medianBytes: number; movers: { process: string; bytes: number; factor: number | null }[] };

// One day × process cell.
export interface ProcessDay {
  lines: number;
  bytes: number;
}

// One day of the log.
export interface DayRow {
  day: string;
  lines: number;
  bytes: number;
  byProcess: Record<string, ProcessDay>;
}

// One retried message.
export interface RetriedRow {
  queue_id: string;
  attempts: number;
  first: string;
  last: string;
  status: string;
  recipient: string | null;
  reason: string | null;
  livedPastLifetime: boolean;
  perDay: { day: string; attempts: number }[];
}

// A count by key.
export interface Counted {
  key: string;
  count: number;
}

// The report.
export interface PassReport {
  lines: number;
  bytes: number;
  unparsedLines: number;
  unparsedExamples: string[];
  skippedLines: number;
  first: string | null;
  last: string | null;
  processes: string[];
  days: DayRow[];
  statuses: Record<string, number>;
  messages: { distinct: number; removed: number; stillInQueue: number; finals: Record<string, number>; livedPastLifetime: number; lifetimeSecs: number; untrackedLines: number };
  topRetried: RetriedRow[];
  reasons: { reason: string; count: number; first: string; last: string }[];
  destinations: { domain: string; attempts: number; deferred: number }[];
  senders: { acceptedSmtp: number; clients: Counted[]; saslLogins: Counted[]; fromLines: number; nullSender: number; nullSenderShare: number; bounceNotices: number; localUids: Counted[] };
  diskFull: { signal: string; text: string; count: number; first: string; last: string; example: string }[];
  unrecognisedQueueLines: Counted[];
  verdicts: MaillogVerdict[];
}
