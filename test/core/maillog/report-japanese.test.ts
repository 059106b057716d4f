import { afterEach, describe, expect, it } from 'vitest';
import { speak } from '../../../src/core/i18n/speak.js';
import { dayProcessChart } from '../../../src/core/maillog/chart.js';
import { lookLines } from '../../../src/core/maillog/first-look-view.js';
import { buildReport } from '../../../src/core/maillog/report.js';
import { reportLines } from '../../../src/core/maillog/report-text.js';
import { LineScanner } from '../../../src/core/maillog/scan-lines.js';
import { MaillogStats } from '../../../src/core/maillog/stats.js';
import { displayWidth } from '../../../src/core/text/text-fit.js';

afterEach(() => speak('en'));

// The mail log report in Japanese: the same figures, the words around them in Japanese.
const LOG = [
  'Dec 06 04:00:01 mail postfix/smtpd[10]: 1A2B3C4D5E: client=c.example[192.0.2.9], sasl_method=LOGIN, sasl_username=info@shop.example',
  'Dec 06 04:00:01 mail postfix/qmgr[12]: 1A2B3C4D5E: from=<>, size=100, nrcpt=1 (queue active)',
  'Dec 06 04:00:02 mail postfix/smtp[13]: 1A2B3C4D5E: to=<u@far.example>, relay=far.example[198.51.100.1]:25, delay=1, delays=0/0/0/1, dsn=4.4.1, status=deferred (connect to far.example[198.51.100.1]:25: Connection timed out)',
  'Dec 06 04:00:04 mail postfix/smtpd[10]: NOQUEUE: reject: RCPT from c.example[192.0.2.9]: 452 4.3.1 Insufficient system storage; from=<a@b> to=<c@d> proto=ESMTP helo=<c>',
].join('\n') + '\n';

function report() {
  const stats = new MaillogStats({});
  const sc = new LineScanner(stats);
  sc.startFile(2026);
  sc.feed(LOG, LOG.length);
  return buildReport(stats);
}

describe('the mail log report in Japanese', () => {
  it('says the same figures with Japanese words, within 80 columns', () => {
    const enLines = reportLines(report(), { charts: true, width: 80 });
    const en = enLines.join('\n');
    expect(en).toContain('delivery attempts: sent 0, deferred 1, bounced 0, expired 0, other 0; rejected at SMTP (NOQUEUE) 1');
    expect(en).toContain('disk-full signals:');
    speak('ja');
    const ja = reportLines(report(), { charts: true, width: 80 });
    const text = ja.join('\n');
    expect(text).toContain('配送の試行: sent 0、deferred 1、bounced 0、expired 0、その他 0。SMTP で拒否 (NOQUEUE) 1');
    expect(text).toContain('日別・プロセス別のバイト数:');
    expect(text).toContain('ディスクフルの兆候:');
    expect(text).toContain('  SASL ログイン: info@shop.example 1');
    expect(text).toMatch(/^送信者: smtpd で受け付け 1。null sender <> は 1 中 100\.0%。/m);
    expect(text).toMatch(/^メール: キュー ID 1 件、/m);
    // the verdicts heading and the Postfix words quoted from the log stay as they are
    expect(text).toMatch(/^判定/m);
    expect(text).toContain('Insufficient system storage');
    // the verdict is worded from its facts in Japanese
    expect(text).toContain('  * 2026-12-06T04:00:04+00:00 からディスクフル');
    expect(text).toContain('      1 回 "Insufficient system storage"（2026-12-06T04:00:04+00:00 〜 2026-12-06T04:00:04+00:00）');
    // line for line the same report: no Japanese line runs past 80 columns where the English one does not
    expect(ja.length).toBe(enLines.length);
    ja.forEach((l, i) => expect(displayWidth(l), l).toBeLessThanOrEqual(Math.max(80, displayWidth(enLines[i]))));
    expect(dayProcessChart([], 80)).toEqual(['（行なし）']);
  });

  it('the first look at the mail logs in Japanese', () => {
    speak('ja');
    const lines = lookLines([{ path: '/var/log/maillog.1.gz', size: 2048, gzip: true, contentBytes: 8192, firstWall: null, lastWall: null, format: 'bsd', days: [] }], (p) => p);
    expect(lines[0]).toBe('メールログ: 1 ファイル、2 KiB');
    expect(lines[1]).toContain('/var/log/maillog.1.gz  2 KiB gzip（中身 8 KiB）  時刻が見つかりません');
  });
});
