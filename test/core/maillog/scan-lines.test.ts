import { describe, expect, it } from 'vitest';
import { maillogVerdictWords } from '../../../src/core/maillog/verdict-words.js';
import { LineScanner, isQueueId } from '../../../src/core/maillog/scan-lines.js';
import { MaillogStats } from '../../../src/core/maillog/stats.js';
import { buildReport } from '../../../src/core/maillog/report.js';
import { normaliseReason } from '../../../src/core/maillog/reasons.js';

// The line scanner on small hand-written logs: every stamp format, queue ID forms, instances,
// garbage, and what each kind of Postfix line adds to the report.

function scan(text: string, year = 2026, opts: ConstructorParameters<typeof MaillogStats>[0] = {}) {
  const stats = new MaillogStats(opts);
  const sc = new LineScanner(stats);
  sc.startFile(year);
  sc.feed(text, text.length);
  return { stats, report: buildReport(stats) };
}

const delivery = (stamp: string, tag = 'postfix/smtp', id = '90442C9CB29') =>
  `${stamp} mail ${tag}[1234]: ${id}: to=<a@b.example>, relay=none, delay=1, delays=1/0/0/0, dsn=4.4.1, status=deferred (connect to b.example[192.0.2.1]:25: Connection timed out)\n`;

describe('LineScanner: stamp formats', () => {
  const cases: [string, string, string][] = [
    ['classic syslog (space-padded day)', 'Dec  6 04:00:01', '2026-12-06'],
    ["Postfix's own maillog_file (zero-padded day)", 'Dec 06 04:00:01', '2026-12-06'],
    ['syslog with sub-second precision', 'Dec 06 04:00:01.123456', '2026-12-06'],
    ['RFC 3339 (rsyslog high precision)', '2025-12-06T04:00:01.123456+09:00', '2025-12-06'],
    ['journalctl -o short-iso', '2025-12-06T04:00:01+0900', '2025-12-06'],
    ['RFC 3339 in UTC', '2024-02-29T23:59:59Z', '2024-02-29'],
  ];
  for (const [name, stamp, day] of cases) {
    it(`reads ${name}`, () => {
      const { report } = scan(delivery(stamp));
      expect(report.unparsedLines).toBe(0);
      expect(report.days.map((d) => d.day)).toEqual([day]);
      expect(report.days[0].byProcess['postfix/smtp'].lines).toBe(1);
      expect(report.statuses.deferred).toBe(1);
      expect(report.topRetried).toEqual([]);
    });
  }

  it('keeps the offset an RFC 3339 log wrote in the times it reports', () => {
    const { report } = scan(delivery('2025-12-06T04:00:01.5+09:00'));
    expect(report.first).toBe('2025-12-06T04:00:01+09:00');
    const short = scan(delivery('2025-12-06T04:00:01+0530')).report;
    expect(short.first).toBe('2025-12-06T04:00:01+05:30');
  });

  it('turns the year when a syslog log goes from December to January', () => {
    const { report } = scan(delivery('Dec 31 23:59:59') + delivery('Jan  1 00:00:01'), 2025);
    expect(report.days.map((d) => d.day)).toEqual(['2025-12-31', '2026-01-01']);
  });
});

describe('LineScanner: queue IDs and process names', () => {
  it('tells short and long queue IDs from other words', () => {
    const yes = ['90442C9CB29', '1C9913F', '4bTzvN1x2Wz9vQH', '3wD0Fq1Hs7zRWH5'];
    const no = ['warning', 'NOQUEUE', 'statistics', 'connect', 'abc', 'DEADBEEFDEADBEEFDEADBEEF0'];
    for (const w of yes) expect(isQueueId(w, 0, w.length), w).toBe(true);
    for (const w of no) expect(isQueueId(w, 0, w.length), w).toBe(false);
  });

  it('counts a multi-instance name (postfix-out/smtp) as its own process and still reads its queue IDs', () => {
    const text = delivery('Dec  6 04:00:01', 'postfix-out/smtp', '4bTzvN1x2Wz9vQH').repeat(3) + delivery('Dec  6 04:00:02');
    const { report } = scan(text);
    expect(report.days[0].byProcess['postfix-out/smtp'].lines).toBe(3);
    expect(report.days[0].byProcess['postfix/smtp'].lines).toBe(1);
    expect(report.topRetried.map((t) => [t.queue_id, t.attempts])).toEqual([['4bTzvN1x2Wz9vQH', 3]]);
    expect(report.topRetried[0].recipient).toBe('a@b.example');
  });
});

describe('LineScanner: garbage and cut lines', () => {
  it('counts lines without a stamp or process as unparsed and goes on', () => {
    const text = ['\x00\x01binary\xff', 'Dec 06 04:00', 'Dec 06 04:00:01 mail', 'Dex 06 04:00:01 mail postfix/smtp[1]: x', '-- MARK --', ''].join('\n') + delivery('Dec  6 04:00:03');
    const { report } = scan(text);
    expect(report.unparsedLines).toBe(5);
    expect(report.unparsedExamples[0]).toContain('binary');
    expect(report.statuses.deferred).toBe(1);
    expect(report.lines).toBe(6);
  });

  it('does not count a delivery line cut before its status', () => {
    const { report } = scan('Dec 06 04:00:01 mail postfix/smtp[1]: 90442C9CB29: to=<a@b.example>, relay=no\n');
    expect(report.statuses.deferred + report.statuses.sent).toBe(0);
    expect(report.unrecognisedQueueLines.map((c) => c.key)).toEqual(['to=<...> without status']);
  });
});

describe('LineScanner: what each Postfix line adds', () => {
  const log = [
    'Dec 06 04:00:01 mail postfix/smtpd[10]: connect from c.example[192.0.2.9]',
    'Dec 06 04:00:01 mail postfix/smtpd[10]: 1A2B3C4D5E: client=c.example[192.0.2.9], sasl_method=LOGIN, sasl_username=info@shop.example',
    'Dec 06 04:00:01 mail postfix/cleanup[11]: 1A2B3C4D5E: message-id=<x@y>',
    'Dec 06 04:00:01 mail postfix/qmgr[12]: 1A2B3C4D5E: from=<>, size=100, nrcpt=1 (queue active)',
    'Dec 06 04:00:02 mail postfix/smtp[13]: 1A2B3C4D5E: to=<u@far.example>, relay=far.example[198.51.100.1]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host far.example[198.51.100.1] said: 550 5.1.1 <u@far.example>: unknown user (in reply to RCPT TO command))',
    'Dec 06 04:00:02 mail postfix/bounce[14]: 1A2B3C4D5E: sender non-delivery notification: 6F7A8B9C0D',
    'Dec 06 04:00:02 mail postfix/qmgr[12]: 1A2B3C4D5E: removed',
    'Dec 06 04:00:03 mail postfix/pickup[15]: 6F7A8B9C0E: uid=0 from=<root>',
    'Dec 06 04:00:03 mail postfix/local[16]: 6F7A8B9C0E: to=<root@mail.example>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to mailbox)',
    'Dec 06 04:00:04 mail postfix/smtpd[10]: NOQUEUE: reject: RCPT from c.example[192.0.2.9]: 452 4.3.1 Insufficient system storage; from=<a@b> to=<c@d> proto=ESMTP helo=<c>',
    'Dec 06 04:00:05 mail postfix/cleanup[11]: warning: 6F7A8B9C0F: write queue file: No space left on device',
    'Dec 06 04:10:05 mail postfix/smtpd[10]: warning: not enough free space in mail queue: 0 bytes < 1.5*message_size_limit',
    'Dec 06 04:20:05 mail postfix/pickup[15]: fatal: queue file write error',
    'Dec 06 04:30:05 mail postfix/qmgr[12]: 6F7A8B9C1A: from=<a@b.example>, status=expired, returned to sender',
    '',
  ].join('\n');
  const { report } = scan(log);

  it('counts statuses, rejections, senders, logins, clients and uids', () => {
    expect(report.statuses).toMatchObject({ sent: 1, bounced: 1, deferred: 0, expired: 1, rejected: 1 });
    expect(report.senders).toMatchObject({ acceptedSmtp: 1, fromLines: 2, nullSender: 1, bounceNotices: 1 });
    expect(report.senders.saslLogins).toEqual([{ key: 'info@shop.example', count: 1 }]);
    expect(report.senders.clients).toEqual([{ key: 'c.example[192.0.2.9]', count: 1 }]);
    expect(report.senders.localUids).toEqual([{ key: '0', count: 1 }]);
    expect(report.messages.removed).toBe(1);
    expect(report.messages.finals).toMatchObject({ bounced: 1 });
    expect(report.unrecognisedQueueLines).toEqual([]);
  });

  it('finds every disk-full signal with its first and last time, and says since when', () => {
    expect(report.diskFull.map((d) => [d.signal, d.count, d.first.slice(11, 19)])).toEqual([
      ['enospc', 1, '04:00:05'],
      ['queue-file-write-error', 1, '04:20:05'],
      ['insufficient-storage', 1, '04:00:04'],
      ['queue-free-space', 1, '04:10:05'],
    ]);
    const v = report.verdicts.find((x) => x.code === 'disk-full')!;
    expect(maillogVerdictWords(v).title).toContain('2026-12-06T04:00:04');
  });

  it('folds a bounce reason so the same cause counts once', () => {
    expect(report.reasons.map((r) => r.reason)).toEqual(['bounced: host HOST[IP] said: 550 5.1.1 <ADDR>: unknown user (in reply to RCPT TO command)']);
  });

  it('skips lines outside --since/--until', () => {
    const since = Date.UTC(2026, 11, 6, 4, 0, 3) / 1000;
    const until = Date.UTC(2026, 11, 6, 4, 15, 0) / 1000;
    const r = scan(log, 2026, { sinceWall: since, untilWall: until }).report;
    expect(r.lines).toBe(5);
    expect(r.skippedLines).toBe(9);
  });
});

describe('normaliseReason', () => {
  it('folds addresses, IPs, hosts and numbers but keeps SMTP codes', () => {
    const a = normaliseReason('host mx.a.example[198.51.100.7] said: 450 4.7.1 <r7@a.example>: Greylisted for 486 seconds');
    const b = normaliseReason('host mx.b.example[203.0.113.9] said: 450 4.7.1 <x@b.example>: Greylisted for 60 seconds');
    expect(a).toBe(b);
    expect(a).toBe('host HOST[IP] said: 450 4.7.1 <ADDR>: Greylisted for N seconds');
    expect(normaliseReason('connect to 127.0.0.1[127.0.0.1]:2525: Connection refused')).toBe('connect to HOST[IP]:N: Connection refused');
  });
});
