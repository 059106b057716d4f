import { DISK_SIGNALS } from './reasons.js';
import { QStatus, STATUS_NAMES, type QueueIdFacts } from './queue-table.js';
import { finalName, type MaillogStats } from './stats.js';
import { dayText } from './stamp.js';
import { isoWithOffset } from './wall-time.js';
import { verdictsOf } from './verdicts.js';
import type { Counted, DayRow, PassReport, ProcessDay } from './pass-report.js';
import { logText, logTextOrNull } from './log-text.js';

// The full pass as plain data: what the CLI prints as JSON, the charts draw and the incident
// file records. Postfix's own names where the data is Postfix's (queue_id).

// Builds the report; `top` bounds every ranked list.
export function buildReport(st: MaillogStats, top = 10): PassReport {
  const iso = (w: number) => isoWithOffset(w, st.offset);
  const q = st.queue;
  const live: QueueIdFacts[] = [];
  const finals = new Map(st.finals);
  let livedPast = st.livedPastLifetime;
  for (const i of q.live()) {
    const f = q.facts(i, false);
    const name = finalName(f);
    finals.set(name, (finals.get(name) ?? 0) + 1);
    if (f.lastWall - f.firstWall > st.lifetimeSecs) livedPast++;
    if (f.retried) live.push(f);
  }
  const retried = [...st.retiredTop, ...live].sort((a, b) => b.attempts - a.attempts || (a.queueId < b.queueId ? -1 : 1)).slice(0, top);
  const totals = new Map<string, number>();
  const dayRows: DayRow[] = [...st.days.keys()].sort((a, b) => a - b).map((dayNo) => {
    const d = st.days.get(dayNo)!;
    const byProcess: Record<string, ProcessDay> = {};
    let lines = 0;
    let bytes = 0;
    d.lines.forEach((n, tag) => {
      if (!n) return;
      const b = d.bytes[tag] ?? 0;
      byProcess[st.tags[tag]] = { lines: n, bytes: b };
      lines += n;
      bytes += b;
      totals.set(st.tags[tag], (totals.get(st.tags[tag]) ?? 0) + n);
    });
    return { day: dayText(dayNo), lines, bytes, byProcess };
  }).filter((d) => d.lines > 0);
  const statuses: Record<string, number> = {};
  for (let k = QStatus.Sent; k <= QStatus.Other; k++) statuses[STATUS_NAMES[k]] = st.deliveryStatus[k];
  statuses.expired += st.statuses.get('expired') ?? 0;
  statuses.rejected = st.rejected;
  const deferredBy = new Map(st.deferredDestinations.map);
  const report: PassReport = {
    lines: st.lines,
    bytes: st.bytes,
    unparsedLines: st.unparsed,
    unparsedExamples: st.unparsedExamples.map(logText),
    skippedLines: st.skipped,
    first: Number.isFinite(st.firstWall) ? iso(st.firstWall) : null,
    last: Number.isFinite(st.lastWall) ? iso(st.lastWall) : null,
    processes: [...totals].sort((a, b) => b[1] - a[1]).map(([k]) => k),
    days: dayRows,
    statuses,
    messages: { distinct: q.distinct, removed: st.removed, stillInQueue: q.index.size, finals: Object.fromEntries(finals), livedPastLifetime: livedPast, lifetimeSecs: st.lifetimeSecs, untrackedLines: q.untrackedLines },
    topRetried: retried.map((f) => ({
      queue_id: f.queueId,
      attempts: f.attempts,
      first: iso(f.firstWall),
      last: iso(f.lastWall),
      status: finalName(f),
      recipient: logTextOrNull(f.retried?.recipient ?? null),
      reason: logTextOrNull(f.retried?.reason || null),
      livedPastLifetime: f.lastWall - f.firstWall > st.lifetimeSecs,
      perDay: [...(f.retried?.perDay ?? new Map<number, number>())].sort((a, b) => a[0] - b[0]).map(([d, n]) => ({ day: dayText(d), attempts: n })),
    })),
    reasons: [...st.reasons.values()].sort((a, b) => b.count - a.count).slice(0, top).map((r) => ({ reason: logText(r.reason), count: r.count, first: iso(r.firstWall), last: iso(r.lastWall) })),
    destinations: st.destinations.top(top).map((d) => ({ domain: logText(d.key), attempts: d.count, deferred: deferredBy.get(d.key) ?? 0 })),
    senders: {
      acceptedSmtp: st.acceptedSmtp,
      clients: st.clients.top(top).map(counted),
      saslLogins: st.sasl.top(top).map(counted),
      fromLines: st.fromLines,
      nullSender: st.nullSender,
      nullSenderShare: st.fromLines ? st.nullSender / st.fromLines : 0,
      bounceNotices: st.bounceNotices,
      localUids: st.uids.top(top).map(counted),
    },
    diskFull: st.signals.flatMap((f, k) => (f ? [{ signal: DISK_SIGNALS[k].code, text: DISK_SIGNALS[k].text, count: f.count, first: iso(f.firstWall), last: iso(f.lastWall), example: logText(f.example) }] : [])),
    unrecognisedQueueLines: st.otherQueueLines.top(top).map(counted),
    verdicts: [],
  };
  report.verdicts = verdictsOf(report);
  return report;
}

const counted = (c: { key: string; count: number }): Counted => ({ key: logText(c.key), count: c.count });
