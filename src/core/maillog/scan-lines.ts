import { diskSignalIn, normaliseReason } from './reasons.js';
import { QStatus } from './queue-table.js';
import { MaillogStats, TagKind, type DayCounts, type ReasonFacts } from './stats.js';
import { StampKind, daysFromCivil, newStampOut, readStamp } from './stamp.js';

// The hot loop of the full pass: complete lines of a latin1 chunk in, counters out. Written for
// speed (indexOf and charCodeAt on one big string, no regex and no allocation on common lines);
// everything rarer (reasons, signals, unknown lines) goes through slower, clearer helpers.

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

// True when s[m..k) is a Postfix queue ID: short (uppercase hex) or long (mixed, with digits).
/** @internal unit-tested on its own: test/core/maillog/scan-lines.test.ts */
export function isQueueId(s: string, m: number, k: number): boolean {
  const n = k - m;
  if (n < 5 || n > 24) return false;
  let hex = true;
  let digit = false;
  let lower = false;
  for (let j = m; j < k; j++) {
    const c = s.charCodeAt(j);
    if (c >= 48 && c <= 57) digit = true;
    else if (c >= 65 && c <= 70) continue;
    else if (c >= 71 && c <= 90) hex = false;
    else if (c >= 97 && c <= 122) {
      hex = false;
      lower = true;
    } else return false;
  }
  if (hex) return n >= 5 && n <= 14;
  return n >= 10 && digit && lower;
}

const BENIGN = new Set(['message-id', 'resent-message-id', 'warning', 'info', 'reject', 'discard', 'hold', 'filter', 'redirect', 'replace', 'prepend', 'host', 'conversation', 'lost', 'enabling', 'sender', 'postmaster', 'client', 'uid', 'from', 'to', 'removed', 'orig_id', 'status', 'delay']);

// Feeds lines to a MaillogStats; one scanner per pass, told when a new file starts.
export class LineScanner {
  private readonly o = newStampOut();
  private year = 1970;
  private curMonth = -1;
  private curDayOfMonth = -1;
  private curYear = -1;
  private dayNo = 0;
  private dayCounts: DayCounts | null = null;
  private readonly byLength: number[][] = [];
  private readonly since: number;
  private readonly until: number;

  constructor(readonly stats: MaillogStats) {
    this.since = stats.options.sinceWall ?? -Infinity;
    this.until = stats.options.untilWall ?? Infinity;
  }

  // A new file starts; its syslog stamps (no year) begin in `year`.
  startFile(year: number): void {
    this.year = year;
    this.curMonth = -1;
    this.curDayOfMonth = -1;
    this.curYear = -1;
  }

  // Scans s[start..end), which must hold whole lines (each ending with "\n", or end itself).
  feed(s: string, end: number, start = 0): void {
    let p = start;
    while (p < end) {
      let nl = s.indexOf('\n', p);
      if (nl < 0 || nl > end) nl = end;
      if (nl > p) this.line(s, p, nl);
      p = nl + 1;
    }
  }

  private tagIndex(s: string, t: number, e: number): number {
    const len = e - t;
    const cands = this.byLength[len];
    if (cands) {
      const tags = this.stats.tags;
      for (let k = 0; k < cands.length; k++) if (s.startsWith(tags[cands[k]], t)) return cands[k];
    }
    const id = this.stats.addTag(s.substring(t, e));
    (this.byLength[len] ??= []).push(id);
    return id;
  }

  private line(s: string, p: number, le: number): void {
    const st = this.stats;
    const o = this.o;
    readStamp(s, p, le, o);
    if (o.kind === StampKind.None) return this.unparsed(s, p, le);
    if (o.kind === StampKind.Iso) {
      if (o.day !== this.curDayOfMonth || o.month !== this.curMonth || o.year !== this.curYear) {
        this.curYear = o.year;
        this.curMonth = o.month;
        this.curDayOfMonth = o.day;
        this.newDay(daysFromCivil(o.year, o.month, o.day));
        if (o.offset && !st.offset) st.offset = o.offset;
      }
    } else if (o.day !== this.curDayOfMonth || o.month !== this.curMonth || this.curYear < 0) {
      // syslog has no year: a jump back by more than half a year is the new year
      if (this.curMonth >= 0 && o.month < this.curMonth - 6) this.year++;
      this.curMonth = o.month;
      this.curDayOfMonth = o.day;
      this.curYear = this.year;
      this.newDay(daysFromCivil(this.year, o.month, o.day));
    }
    const wall = this.dayNo * 86400 + o.secs;
    if (wall < this.since || wall >= this.until) {
      st.skipped++;
      return;
    }
    // host, then the tag up to "[pid]: " or ": " (loops, not indexOf: these are a few bytes away)
    let h = o.end + 1;
    while (h < le && s.charCodeAt(h) !== 32) h++;
    const t = h + 1;
    let e = t;
    let ch = 0;
    while (e < le && (ch = s.charCodeAt(e)) !== 91 && ch !== 58 && ch !== 32) e++;
    if (e >= le || e === t || ch === 32) return this.unparsed(s, p, le);
    let c = e;
    if (ch === 91) {
      while (c < le && s.charCodeAt(c) !== 93) c++;
      c++;
    }
    if (s.charCodeAt(c) !== 58 || c + 1 >= le) return this.unparsed(s, p, le);
    st.lines++;
    st.bytes += le - p + 1;
    if (wall < st.firstWall) st.firstWall = wall;
    if (wall > st.lastWall) st.lastWall = wall;
    const tag = this.tagIndex(s, t, e);
    const d = this.dayCounts!;
    d.lines[tag] = (d.lines[tag] ?? 0) + 1;
    d.bytes[tag] = (d.bytes[tag] ?? 0) + (le - p + 1);
    const kind = st.tagKinds[tag];
    if (kind === TagKind.Other) return;
    const m = c + 2;
    let k = m;
    while (k < le && k - m <= 24 && isAlnum(s.charCodeAt(k))) k++;
    if (s.charCodeAt(k) !== 58 || !isQueueId(s, m, k)) return this.plainMessage(s, m, le, wall);
    const r = k + 2;
    const q = st.queue;
    const c0 = s.charCodeAt(r);
    // a message gets its slot where its life shows (qmgr, deliveries); lines that only name it
    // (client=, message-id=, uid=) cost no lookup
    if (c0 === 116 && s.startsWith('to=<', r)) return this.delivery(s, r, le, wall, q.slotAt(s, m, k, wall));
    if (c0 === 109 && s.startsWith('message-id=', r)) return;
    if (c0 === 102 && kind === TagKind.Qmgr && s.startsWith('from=<', r)) {
      const i = q.slotAt(s, m, k, wall);
      st.fromLines++;
      if (s.charCodeAt(r + 6) === 62) st.nullSender++;
      const gt = s.indexOf('>, ', r + 6);
      if (gt > 0 && gt < le && s.startsWith(', status=expired', gt + 1)) {
        st.statuses.set('expired', (st.statuses.get('expired') ?? 0) + 1);
        if (i >= 0) q.status[i] = QStatus.Expired;
      }
      return;
    }
    if (c0 === 114 && s.startsWith('removed', r)) {
      const i = q.findAt(s, m, k, wall);
      if (i >= 0) st.finish(i);
      else st.removed++;
      return;
    }
    if (kind === TagKind.Smtpd && s.startsWith('client=', r)) return this.client(s, r + 7, le);
    if (kind === TagKind.Pickup && s.startsWith('uid=', r)) {
      let u = r + 4;
      while (u < le && s.charCodeAt(u) >= 48 && s.charCodeAt(u) <= 57) u++;
      st.uids.add(s.substring(r + 4, u));
      return;
    }
    // i18n-ignore: qmgr's words, matched in the log
    if (s.startsWith('sender non-delivery notification', r)) {
      st.bounceNotices++;
      return;
    }
    let w = r;
    while (w < le && w - r < 40 && (isAlnum(s.charCodeAt(w)) || s.charCodeAt(w) === 45 || s.charCodeAt(w) === 95)) w++;
    const word = s.substring(r, Math.min(w, le));
    if (!BENIGN.has(word)) st.otherQueueLines.add(word || '(empty)');
  }

  private newDay(dayNo: number): void {
    this.dayNo = dayNo;
    this.dayCounts = this.stats.day(dayNo);
  }

  private unparsed(s: string, p: number, le: number): void {
    const st = this.stats;
    st.unparsed++;
    st.lines++;
    st.bytes += le - p + 1;
    if (st.unparsedExamples.length < 5) st.unparsedExamples.push(s.substring(p, Math.min(le, p + 200)));
  }

  private plainMessage(s: string, m: number, le: number, wall: number): void {
    const c = s.charCodeAt(m);
    // warning:, fatal:, panic:, error:, NOQUEUE: are the only places disk-full shows outside a message
    if (c !== 119 && c !== 102 && c !== 112 && c !== 101 && c !== 78) return;
    const st = this.stats;
    if (c === 78 && s.startsWith('NOQUEUE: reject', m)) st.rejected++; // i18n-ignore: smtpd's words
    else if (!(s.startsWith('warning:', m) || s.startsWith('fatal:', m) || s.startsWith('panic:', m) || s.startsWith('error:', m))) return;
    const text = s.substring(m, le);
    const k = diskSignalIn(text);
    if (k >= 0) st.signal(k, wall, text);
  }

  private client(s: string, v: number, le: number): void {
    const st = this.stats;
    st.acceptedSmtp++;
    let comma = s.indexOf(',', v);
    if (comma < 0 || comma > le) comma = le;
    st.clients.add(s.substring(v, comma));
    if (comma < le && s.startsWith(', sasl_method=', comma)) {
      const u = s.indexOf(', sasl_username=', comma + 14);
      if (u > 0 && u < le) {
        let end = s.indexOf(',', u + 16);
        if (end < 0 || end > le) end = le;
        st.sasl.add(s.substring(u + 16, end));
      }
    }
  }

  private delivery(s: string, r: number, le: number, wall: number, i: number): void {
    const st = this.stats;
    const gt = s.indexOf('>', r + 4);
    if (gt < 0 || gt >= le) return void st.otherQueueLines.add('to=<cut>');
    const si = s.indexOf(' status=', gt);
    if (si < 0 || si >= le) return void st.otherQueueLines.add('to=<...> without status'); // i18n-ignore: a key of --json's counts
    const w = si + 8;
    const c0 = s.charCodeAt(w);
    const qs = c0 === 115 ? QStatus.Sent : c0 === 100 ? QStatus.Deferred : c0 === 98 ? QStatus.Bounced : c0 === 101 ? QStatus.Expired : QStatus.Other;
    st.deliveryStatus[qs]++;
    const at = s.lastIndexOf('@', gt);
    const domain = at > r + 4 ? s.substring(at + 1, gt) : '(local)';
    st.destinations.add(domain);
    let reason = '';
    if (qs !== QStatus.Sent) {
      if (qs === QStatus.Deferred) st.deferredDestinations.add(domain);
      const rp = s.indexOf(' (', w);
      if (rp > 0 && rp < le) {
        const f = this.reason(s.substring(rp + 2, s.charCodeAt(le - 1) === 41 ? le - 1 : le), qs, wall);
        reason = f.reason;
      }
    }
    if (i >= 0) st.queue.attempt(i, this.dayNo, qs, s, r + 4, gt, reason);
  }

  private reason(raw: string, qs: QStatus, wall: number): ReasonFacts {
    const st = this.stats;
    let f = st.reasonCache.get(raw);
    if (!f) {
      const key = `${qs === QStatus.Deferred ? 'deferred' : qs === QStatus.Bounced ? 'bounced' : 'other'}: ${normaliseReason(raw)}`;
      f = st.reasons.get(key);
      if (!f) {
        f = { reason: key, count: 0, firstWall: wall, lastWall: wall, signal: diskSignalIn(raw) };
        if (st.reasons.size < 5000) st.reasons.set(key, f);
        else st.reasonsOverflow++;
      }
      if (st.reasonCache.size >= 50_000) st.reasonCache.clear();
      st.reasonCache.set(Buffer.from(raw, 'latin1').toString('latin1'), f);
    }
    f.count++;
    if (wall < f.firstWall) f.firstWall = wall;
    if (wall > f.lastWall) f.lastWall = wall;
    if (f.signal >= 0) st.signal(f.signal, wall, raw);
    return f;
  }
}
