import { describe, expect, it } from 'vitest';
import { bufferSource } from '../helpers/buffer-source.js';
import { captureLines } from '../../src/core/maillog/capture.js';
import { assumeYears, parseLogStamp } from '../../src/core/maillog/time.js';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `Nov ${String(1 + (i % 28)).padStart(2, ' ')} 08:00:${String(i % 60).padStart(2, '0')} mail postfix/local[${i}]: line ${i}`);
const str = (b: Buffer[]) => b.map((x) => x.toString());

describe('captureLines', () => {
  for (const total of [0, 1, 4, 5, 9, 10, 11, 1000]) {
    it(`${total} lines: exact first and last 5 at any chunk size`, async () => {
      const all = lines(total);
      const text = all.map((l) => l + '\n').join('');
      for (const chunkSize of [7, 64, 1000, 1 << 20]) {
        const c = await captureLines(bufferSource(Buffer.from(text)), { lines: 5, chunkSize });
        if (total <= 10) {
          expect([...str(c.first), ...str(c.last)]).toEqual(all);
          expect(c.complete).toBe(true);
        } else {
          expect(str(c.first)).toEqual(all.slice(0, 5));
          expect(str(c.last)).toEqual(all.slice(-5));
          expect(c.complete).toBe(false);
        }
        expect(c.noFinalNewline).toBe(false);
      }
    });
  }

  it('keeps a last line without a line end and says so', async () => {
    const all = lines(20);
    const c = await captureLines(bufferSource(Buffer.from(all.join('\n'))), { lines: 3, chunkSize: 50 });
    expect(str(c.last)).toEqual(all.slice(-3));
    expect(c.noFinalNewline).toBe(true);
    const short = await captureLines(bufferSource(Buffer.from('one\ntwo')), { lines: 5 });
    expect(str(short.first)).toEqual(['one', 'two']);
  });

  it('cuts lines longer than the cap and counts them', async () => {
    const text = `short\n${'x'.repeat(10_000)}\nend\n`;
    const c = await captureLines(bufferSource(Buffer.from(text)), { lines: 5, lineCap: 100 });
    expect(str(c.first)).toEqual(['short', 'x'.repeat(100), 'end']);
    expect(c.cutLines).toBe(1);
  });
});

describe('log time stamps', () => {
  it('reads syslog and RFC 3339 stamps', () => {
    expect(parseLogStamp('Nov  3 08:00:01 mail postfix/smtpd[1]: x', 2026)).toEqual({ text: 'Nov  3 08:00:01', iso: '2026-11-03T08:00:01', yearAssumed: true });
    expect(parseLogStamp('2026-11-03T08:00:01.123456+01:00 mail postfix/smtpd[1]: x')).toEqual({ text: '2026-11-03T08:00:01.123456+01:00', iso: '2026-11-03T08:00:01.123456+01:00', yearAssumed: false });
    expect(parseLogStamp('From root  Mon Nov  3 08:00:01 2026')).toBeNull();
  });
  it('puts a log that wraps the new year in two years', () => {
    expect(assumeYears('Dec 30 10:00:00 a', 'Jan  2 10:00:00 b', 2027)).toEqual({ first: 2026, last: 2027 });
    expect(assumeYears('Mar  1 10:00:00 a', 'Jun  2 10:00:00 b', 2027)).toEqual({ first: 2027, last: 2027 });
  });
});
