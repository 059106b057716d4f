import { describe, expect, it } from 'vitest';
import { LineScanner } from '../../../src/core/maillog/scan-lines.js';
import { MaillogStats } from '../../../src/core/maillog/stats.js';
import { buildReport } from '../../../src/core/maillog/report.js';
import { isRotatedSibling } from '../../../src/core/maillog/rotation-names.js';
import { postfixDurationSecs } from '../../../src/core/maillog/postfix-duration.js';
import { firstLineYear } from '../../../src/core/maillog/year.js';
import { parseWallTime } from '../../../src/core/maillog/wall-time.js';
import { dayProcessChart } from '../../../src/core/maillog/chart.js';

// The small rules around the pass: bounded tables, rotation names, Postfix durations, the year
// of a syslog file, --since values, the chart's proportions.

describe('bounded per-queue-ID table', () => {
  it('tracks at most maxIds messages at once, counts the rest as untracked, and frees removed ones', () => {
    const stats = new MaillogStats({ queueLimits: { maxIds: 3, maxRetried: 10 } });
    const sc = new LineScanner(stats);
    sc.startFile(2026);
    const ids = ['A0000001', 'A0000002', 'A0000003', 'A0000004', 'A0000005'];
    let text = ids.map((id) => `Dec 06 04:00:01 mail postfix/qmgr[1]: ${id}: from=<a@b>, size=1, nrcpt=1 (queue active)\n`).join('');
    text += 'Dec 06 04:00:02 mail postfix/qmgr[1]: A0000001: removed\n';
    text += 'Dec 06 04:00:03 mail postfix/qmgr[1]: A0000006: from=<a@b>, size=1, nrcpt=1 (queue active)\n';
    sc.feed(text, text.length);
    const r = buildReport(stats);
    expect(r.messages.distinct).toBe(4);
    expect(r.messages.untrackedLines).toBe(2);
    expect(r.messages.stillInQueue).toBe(3);
    expect(r.messages.removed).toBe(1);
  });
});

describe('small rules', () => {
  it('tells rotated siblings from other logs', () => {
    const yes = ['maillog-20261226', 'maillog-20261226.gz', 'maillog.1', 'maillog.2.gz', 'maillog.20261226-040000.gz'];
    const no = ['maillog', 'maillog.err', 'maillog.bak', 'maillog-old', 'maillogx.1'];
    for (const n of yes) expect(isRotatedSibling('maillog', n), n).toBe(true);
    for (const n of no) expect(isRotatedSibling('maillog', n), n).toBe(false);
    expect(isRotatedSibling('mail.log', 'mail.log.3.gz')).toBe(true);
    expect(isRotatedSibling('mail.log', 'mail.err')).toBe(false);
  });

  it('reads Postfix durations', () => {
    expect(postfixDurationSecs('5d')).toBe(432000);
    expect(postfixDurationSecs('3600s')).toBe(3600);
    expect(postfixDurationSecs('2w')).toBe(1209600);
    expect(postfixDurationSecs('7')).toBe(604800);
    expect(postfixDurationSecs('$maximal_queue_lifetime')).toBeNull();
  });

  it("infers a syslog file's first year from its mtime and the months of its ends", () => {
    const md = (month: number, day: number) => ({ month, day });
    expect(firstLineYear(md(11, 20), md(11, 30), new Date(2026, 11, 30, 23))).toBe(2026);
    expect(firstLineYear(md(11, 28), md(0, 2), new Date(2027, 0, 2, 23))).toBe(2026);
    // rotated at midnight on 1 January: the last line is from the year before the mtime
    expect(firstLineYear(md(11, 25), md(11, 31), new Date(2027, 0, 1, 0, 0, 5))).toBe(2026);
    // gzip: only the first line is known
    expect(firstLineYear(md(11, 25), null, new Date(2027, 0, 1, 0, 0, 5))).toBe(2026);
  });

  it('reads --since/--until values and refuses others', () => {
    expect(parseWallTime('2026-12-26')).toBe(Date.UTC(2026, 11, 26) / 1000);
    expect(parseWallTime('2026-12-26T04:05')).toBe(Date.UTC(2026, 11, 26, 4, 5) / 1000);
    expect(parseWallTime('2026-12-26 04:05:06')).toBe(Date.UTC(2026, 11, 26, 4, 5, 6) / 1000);
    for (const bad of ['yesterday', '2026-13-01', '26-12-2026', '2026-12-26T25:00']) expect(parseWallTime(bad), bad).toBeNull();
  });

  it('draws stacked bars proportional to bytes, one letter per process', () => {
    const days = [
      { day: '2026-12-25', lines: 2, bytes: 100, byProcess: { 'postfix/smtp': { lines: 1, bytes: 50 }, 'postfix/qmgr': { lines: 1, bytes: 50 } } },
      { day: '2026-12-26', lines: 2, bytes: 400, byProcess: { 'postfix/smtp': { lines: 1, bytes: 300 }, 'postfix/qmgr': { lines: 1, bytes: 100 } } },
    ];
    const lines = dayProcessChart(days, 62);
    const bar = (l: string) => l.split('|')[1];
    expect(bar(lines[1]).length).toBe(40);
    expect(bar(lines[0]).length).toBe(10);
    expect(bar(lines[1])).toBe('s'.repeat(30) + 'q'.repeat(10));
    expect(lines[2]).toBe('legend: s=postfix/smtp q=postfix/qmgr');
  });
});
