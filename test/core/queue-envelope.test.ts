import { describe, expect, it } from 'vitest';
import { cleanupFile } from '../../fixtures/lib/queue-flood.js';
import { maildropFile } from '../../fixtures/lib/queue-file.js';
import { parseEnvelope, type ByteWindow, type EnvelopeStep } from '../../src/core/queue/envelope.js';
import { envelopeProblemWords } from '../../src/core/queue/envelope-problems.js';
import { displayWidth } from '../../src/core/text/text-fit.js';
import { encodeRecord as rec, recordAt } from '../../src/core/queue/record-cursor.js';
import { hashDirs, isQueueId } from '../../src/core/queue/queue-id.js';
import type { QueueProblem } from '../../src/core/queue/message.js';

// Feeds the parser like the reader does: a first window, then whatever it asks for.
function parseAll(file: Buffer, first = 4096, headers = false): { step: EnvelopeStep; loads: number } {
  const windows: ByteWindow[] = [{ offset: 0, buf: file.subarray(0, first) }];
  let step = parseEnvelope(windows, file.length, headers);
  let loads = 1;
  while ('need' in step) {
    const { offset, length } = step.need;
    windows.push({ offset, buf: file.subarray(offset, offset + Math.max(length, first)) });
    step = parseEnvelope(windows, file.length, headers);
    if (++loads > 50) throw new Error('parser keeps asking');
  }
  return { step, loads };
}
// The envelope, its problem codes worded as the reader words them (English, as in --json).
const env = (file: Buffer, first?: number, headers?: boolean) => {
  const { step } = parseAll(file, first, headers);
  if (!('envelope' in step)) throw new Error('no envelope');
  return { ...step.envelope, errors: step.envelope.errors.map((e) => envelopeProblemWords(e)) };
};

const sample = cleanupFile({
  arrivalSec: 1_796_134_019,
  sender: '',
  recipients: ['a@one.example', 'b@two.example'],
  attrs: ['sasl_method=PLAIN', 'sasl_username=mallory', 'log_client_address=203.0.113.9', 'log_client_name=bad.example.net', 'log_helo_name=spambot'],
  headers: ['Subject: hi', 'From: x@y'],
  body: ['x'.repeat(20_000)],
});

describe('queue file envelope parser', () => {
  it('reads sender, recipients, SASL and client attributes from a cleanup file, skipping the content', () => {
    const { step, loads } = parseAll(sample);
    expect('envelope' in step && step.envelope).toMatchObject({
      sender: '',
      arrival_time: 1_796_134_019,
      recipients: [{ address: 'a@one.example', done: false }, { address: 'b@two.example', done: false }],
      sasl_method: 'PLAIN',
      sasl_username: 'mallory',
      client_address: '203.0.113.9',
      client_name: 'bad.example.net',
      helo: 'spambot',
      errors: [],
    });
    // the 20 kB body is jumped over by the size record: one extra small read for X and E
    expect(loads).toBe(2);
  });

  it('gets the same envelope however small the windows are', () => {
    const big = env(sample);
    for (const first of [1, 7, 64, 300]) expect(env(sample, first)).toEqual(big);
  });

  it('follows pointer records and reads recipients in the extracted segment (sendmail -t)', () => {
    const head = Buffer.concat([rec('T', '1700000000 0'), rec('S', 'root')]);
    const ptrAt = head.length;
    const ptr = (to: number) => rec('p', String(to).padStart(15));
    const tail = Buffer.concat([rec('R', 'late@three.example'), rec('M', ''), rec('N', 'Subject: t'), rec('N', ''), rec('X', ''), rec('R', 'extra@four.example'), rec('E', '')]);
    const jumpFrom = ptrAt + ptr(0).length;
    const junk = rec('w', 'padding');
    const file = Buffer.concat([head, ptr(jumpFrom + junk.length), junk, tail]);
    const e = env(file, 16);
    expect(e.recipients.map((r) => r.address)).toEqual(['late@three.example', 'extra@four.example']);
    expect(e.errors).toEqual([]);
  });

  it('marks done recipients (D) as done and keeps original recipients apart', () => {
    const file = Buffer.concat([rec('T', '1 0'), rec('S', 's@x'), rec('O', 'alias@x'), rec('R', 'real@x'), rec('D', 'done@x'), rec('M', ''), rec('N', ''), rec('X', ''), rec('E', '')]);
    expect(env(file).recipients).toEqual([{ address: 'real@x', orig_address: 'alias@x', done: false }, { address: 'done@x', done: true }]);
  });

  it('reads postdrop maildrop files (no size record: the content is walked)', () => {
    const md = maildropFile({ arrivalMs: 1_700_000_000_000, sender: 'root', recipients: ['ops@x.example'], lines: ['Subject: cron', '', 'body'] });
    const e = env(md, 8, true);
    expect(e.sender).toBe('root');
    expect(e.recipients.map((r) => r.address)).toEqual(['ops@x.example']);
    expect(e.headers).toEqual(['Subject: cron']);
  });

  it('reports truncated and garbage files as errors, never throws', () => {
    expect(env(sample.subarray(0, 150)).errors.join()).toMatch(/truncated/);
    expect(env(sample.subarray(0, sample.length - 2)).errors.join()).toMatch(/truncated|ends/);
    expect(env(Buffer.from('GET / HTTP/1.0\r\n')).errors.join()).toMatch(/not a Postfix queue file/);
    expect(env(Buffer.from([0x54, 0xff, 0xff, 0xff, 0xff, 0x7f])).errors.join()).toMatch(/implausible|does not end/);
  });

  it('leaves codes with their figures that read in either language (Japanese on screens)', () => {
    const raw = (file: Buffer) => {
      const { step } = parseAll(file);
      if (!('envelope' in step)) throw new Error('no envelope');
      return step.envelope.errors;
    };
    const codes = [...raw(sample.subarray(0, 150)), ...raw(Buffer.from('GET / HTTP/1.0\r\n')), ...raw(Buffer.from([0x54, 0xff, 0xff, 0xff, 0xff, 0x7f]))];
    expect(codes.map((c) => c.code)).toEqual(['record-past-end', 'not-queue-file', 'length-implausible']);
    // plain facts (they cross threads by structured clone): a code and numbers, nothing worded
    for (const c of codes) {
      expect(Object.keys(c).sort()).toEqual(['code', 'figures']);
      expect(c.figures.length).toBeGreaterThan(0);
      for (const f of c.figures) expect(Number.isInteger(f)).toBe(true);
    }
    expect(codes[1]).toEqual({ code: 'not-queue-file', figures: [0x47] });
    const notQueue: QueueProblem = { code: 'not-queue-file', figures: [0x47] };
    const pastEnd: QueueProblem = { code: 'record-past-end', figures: [12, 300] };
    expect(envelopeProblemWords(notQueue)).toBe('byte 0 is 0x47: not a Postfix queue file');
    expect(envelopeProblemWords(pastEnd)).toBe('offset 12: a 300-byte record runs past the end of the file (truncated)');
    expect(envelopeProblemWords({ code: 'too-many-reads', figures: [64] })).toBe('the envelope needs more than 64 reads; reading stopped');
    expect(envelopeProblemWords(notQueue, 'ja')).toBe('先頭バイトが 0x47 です: Postfix のキューファイルではありません');
    expect(envelopeProblemWords(pastEnd, 'ja')).toContain('300 バイトのレコード');
    const others: QueueProblem[] = [
      { code: 'pointer-loop', figures: [] }, { code: 'duplicate-sender', figures: [] }, { code: 'content-no-end', figures: [] },
      { code: 'length-no-end', figures: [9] }, { code: 'no-sender', figures: [] }, { code: 'too-many-reads', figures: [64] },
    ];
    for (const c of [...codes, ...others]) {
      const words = envelopeProblemWords(c, 'ja');
      expect(words).not.toBe(envelopeProblemWords(c));
      expect(words).not.toMatch(/undefined|NaN/);
      expect(displayWidth(words)).toBeLessThanOrEqual(80);
    }
  });

  it('stops on a pointer loop', () => {
    const self = Buffer.concat([rec('T', '1 0'), rec('S', 'a')]);
    const file = Buffer.concat([self, rec('p', String(self.length).padStart(15))]);
    expect(env(file).errors.join()).toMatch(/pointer loop/);
  });

  it('keeps non-UTF-8 addresses readable (replacement characters, never a crash)', () => {
    const file = Buffer.concat([rec('T', '1 0'), rec('S', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x40, 0x78])), rec('R', 'a@b'), rec('M', ''), rec('X', ''), rec('E', '')]);
    expect(env(file).sender).toBe('caf\uFFFD@x');
  });

  it('decodes multi-byte record lengths at their boundaries', () => {
    for (const n of [0, 1, 127, 128, 16_383, 16_384, 300_000]) {
      const r = recordAt([{ offset: 0, buf: rec('N', 'z'.repeat(n)) }], 0, rec('N', 'z'.repeat(n)).length);
      expect('record' in r && r.record.data.length).toBe(n);
    }
  });
});

describe('queue IDs and hash directories', () => {
  it('hashes short IDs on their first characters and long IDs on their microseconds, as mail_queue_dir()', () => {
    expect(hashDirs('24EB9888E', 1)).toBe('2/');
    expect(hashDirs('24EB9888E', 2)).toBe('2/4/');
    // long ID: 6 base-52 seconds, 4 base-52 microseconds ('0003' = 3 us -> 00003), 'z', inode
    expect(hashDirs('4dQx2B0003zXYZ', 2)).toBe('0/0/');
    expect(isQueueId('24EB9888E')).toBe(true);
    expect(isQueueId('4dQx2B0003zXYZ')).toBe(true);
    expect(isQueueId('12345.678')).toBe(false);
    expect(isQueueId('../etc')).toBe(false);
  });
});
